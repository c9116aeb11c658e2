-- materialized: table
-- Provinces and prefectures where no event was recorded, with how often the corpus still
-- names a place in them (a province named often but with no event may be a linking gap).
with active as (
    select distinct province_code from {{ ref('stg_events') }} where province_code is not null
),
named as (
    select g.province_code, count(*) as place_mentions
    from {{ ref('stg_mentions') }} as m
    join gazetteer as g on g.code = m.code
    where m.entity_type = 'place' and g.province_code is not null
    group by g.province_code
)
select
    p.code as province_code,
    p.name_fr as province_name_fr,
    p.name_ar as province_name_ar,
    p.region_code,
    r.name_fr as region_name_fr,
    coalesce(named.place_mentions, 0) as place_mentions
from gazetteer as p
left join gazetteer as r on r.code = p.region_code and r.level = 'region'
left join named on named.province_code = p.code
where p.level = 'province' and p.code not in (select province_code from active)
order by p.region_code, p.code
