-- guards: stg_mentions
-- Every mention points into an article that the lake holds.
select m.article_id, m.entity_type, m.mention_text
from {{ ref('stg_mentions') }} as m
anti join {{ ref('stg_articles') }} as a on a.article_id = m.article_id
