-- materialized: table
-- The most active provinces of each party: real-world events (clusters) per party and province,
-- with the province's Arabic and French names and its rank within the party (1 = most events).
with counted as (
    select party, province_code, count(*) as events, sum(n_reports) as reports
    from {{ ref('event_clusters') }}
    where party is not null and province_code is not null
    group by all
)
select
    c.party,
    c.province_code,
    g.name_ar as province_name_ar,
    g.name_fr as province_name_fr,
    c.events,
    c.reports,
    rank() over (partition by c.party order by c.events desc) as rank_in_party
from counted as c
join gazetteer as g on g.code = c.province_code and g.level = 'province'
order by c.party, rank_in_party, c.province_code
