-- guards: stg_articles
-- An article id is a content hash: two rows with one id in the same arrival are a bug.
select article_id, count(*) as rows
from {{ ref('stg_articles') }}
group by article_id
having count(*) > 1
