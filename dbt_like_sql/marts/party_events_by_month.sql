-- materialized: table
-- Events per party and month, counted by cluster: `events` is the number of real-world events
-- (cluster_id), `reports` the number of article reports of them. The month is the cluster's own
-- date (null when no report dates it to the month); party is null when none was attached.
select
    party,
    case when date_precision in ('day', 'month') then date_trunc('month', event_date)::date end as event_month,
    count(*) as events,
    sum(n_reports) as reports,
    count(*) filter (where event_type = 'congress') as congresses,
    count(*) filter (where event_type = 'meeting') as meetings,
    count(*) filter (where event_type = 'general_assembly') as general_assemblies,
    count(*) filter (where event_type = 'public_election') as public_elections,
    count(*) filter (where event_type = 'statement') as statements
from {{ ref('event_clusters') }}
group by all
order by party nulls last, event_month nulls last
