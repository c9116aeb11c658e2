-- One row per accepted document, typed. The same bytes arriving on two days keep one
-- id (content hash): the latest arrival wins, so the corpus counts each article once. (Ids
-- unique in the whole lake: the blocking lake check articles.article_id_unique_not_null.)
select
    cast(article_id as varchar) as article_id,
    cast(source_path as varchar) as source_path,
    cast(language as varchar) as language,
    cast(language_score as double) as language_score,
    cast(published_date as date) as published_date,
    cast(published_precision as varchar) as published_precision,
    cast(source as varchar) as source,
    nullif(trim(title), '') as title,
    nullif(trim(author), '') as author,
    cast(text_clean as varchar) as text_clean,
    length(text_clean) as text_chars,
    cast(encoding as varchar) as encoding,
    cast(ingested_at as timestamptz) as ingested_at,
    cast(ingest_date as date) as ingest_date
from articles
qualify ingest_date = max(ingest_date) over (partition by article_id)
