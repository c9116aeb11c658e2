-- guards: stg_events
-- event_type is one of the contract's vocabulary (akhbar.schema.EVENT_TYPES).
select event_id, event_type, evidence
from {{ ref('stg_events') }}
where event_type not in (select value from vocabularies where vocabulary = 'event_type')
