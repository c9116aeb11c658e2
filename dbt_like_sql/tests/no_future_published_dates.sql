-- guards: stg_articles
-- An article cannot be published after today (UTC): a later date is a misread header.
select article_id, source_path, published_date
from {{ ref('stg_articles') }}
where published_date > current_date
