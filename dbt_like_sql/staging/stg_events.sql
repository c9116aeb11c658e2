-- One row per event, typed, from the latest arrival of its article (an article read twice
-- does not report its events twice; ids are unique in the lake: the blocking lake check
-- events.event_id_unique_not_null). `event_month` is set only when the date fixes the month.
select
    cast(event_id as varchar) as event_id,
    cast(article_id as varchar) as article_id,
    cast(event_type as varchar) as event_type,
    cast(event_date as date) as event_date,
    cast(date_precision as varchar) as date_precision,
    case when date_precision in ('day', 'month') then date_trunc('month', event_date)::date end as event_month,
    nullif(trim(date_text), '') as date_text,
    cast(party as varchar) as party,
    nullif(trim(place_name), '') as place_name,
    cast(commune_code as varchar) as commune_code,
    cast(province_code as varchar) as province_code,
    cast(region_code as varchar) as region_code,
    cast(place_precision as varchar) as place_precision,
    cast(evidence as varchar) as evidence,
    cast(start_char as integer) as start_char,
    cast(end_char as integer) as end_char,
    cast(cluster_id as varchar) as cluster_id,
    cast(ingest_date as date) as ingest_date
from events
qualify ingest_date = max(ingest_date) over (partition by article_id)
