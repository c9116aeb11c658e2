-- guards: stg_mentions
-- Every coded place mention carries an HCP code of the gazetteer.
select m.article_id, m.mention_text, m.code
from {{ ref('stg_mentions') }} as m
anti join gazetteer as g on g.code = m.code
where m.entity_type = 'place' and m.code is not null
