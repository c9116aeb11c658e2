-- guards: stg_events
-- date_precision is day, month or year, and is null exactly when event_date is null.
select event_id, event_date, date_precision, date_text
from {{ ref('stg_events') }}
where (date_precision is not null
       and date_precision not in (select value from vocabularies where vocabulary = 'date_precision'))
   or ((event_date is null) <> (date_precision is null))
