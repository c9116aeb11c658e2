-- materialized: table
-- Real-world events (clusters) per 100,000 inhabitants by province, with the 2024 census population
-- from the gazetteer; every province appears, with 0 events when none was placed in it.
with per_province as (
    select province_code, count(*) as events, count(distinct party) as parties
    from {{ ref('event_clusters') }}
    where province_code is not null
    group by all
)
select
    g.code as province_code,
    g.name_ar as province_name_ar,
    g.name_fr as province_name_fr,
    g.region_code,
    g.population,
    coalesce(p.events, 0) as events,
    coalesce(p.parties, 0) as parties,
    round(coalesce(p.events, 0) * 100000.0 / nullif(g.population, 0), 3) as events_per_100k
from gazetteer as g
left join per_province as p on p.province_code = g.code
where g.level = 'province'
order by events_per_100k desc nulls last, g.code
