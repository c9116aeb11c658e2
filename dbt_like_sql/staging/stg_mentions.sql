-- Every entity found in an article, typed, from the latest arrival of the article.
select
    cast(article_id as varchar) as article_id,
    cast(entity_type as varchar) as entity_type,
    cast(text as varchar) as mention_text,
    cast(normalized as varchar) as normalized,
    cast(code as varchar) as code,
    cast(code_system as varchar) as code_system,
    cast(start_char as integer) as start_char,
    cast(end_char as integer) as end_char,
    cast(ingest_date as date) as ingest_date
from mentions
qualify ingest_date = max(ingest_date) over (partition by article_id)
