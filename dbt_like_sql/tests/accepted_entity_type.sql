-- guards: stg_mentions
-- entity_type is person, place, party, organization or date.
select article_id, entity_type, mention_text, start_char
from {{ ref('stg_mentions') }}
where entity_type is null
   or entity_type not in (select value from vocabularies where vocabulary = 'entity_type')
