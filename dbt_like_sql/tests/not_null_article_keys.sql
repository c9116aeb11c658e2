-- guards: stg_articles
-- Every article has an id, a source path and a language.
select * exclude (text_clean)
from {{ ref('stg_articles') }}
where article_id is null or source_path is null or language is null
