-- materialized: table
-- One row per real person (person_id) across articles, spellings, titles and scripts: the usual
-- Arabic and Latin spellings, the most frequent party, and how many real-world events (clusters)
-- and articles name them.
with named as (
    select
        p.person_id,
        p.person_name,
        p.role,
        p.role_code,
        coalesce(p.party, e.party) as party,
        e.cluster_id,
        e.article_id,
        c.event_date
    from {{ ref('stg_event_participants') }} as p
    join {{ ref('stg_events') }} as e on e.event_id = p.event_id
    left join {{ ref('event_clusters') }} as c on c.cluster_id = e.cluster_id
    where p.person_id is not null
),
parties as (
    select person_id, party, count(*) as n
    from named
    where party is not null
    group by all
),
spellings as (
    select person_id, person_name, count(*) as n
    from named
    group by all
)
select
    n.person_id,
    coalesce(any_value(pn.name_ar), (select arg_max(s.person_name, (s.n, s.person_name)) from spellings as s
        where s.person_id = n.person_id and regexp_matches(s.person_name, '[\x{0600}-\x{06FF}]'))) as name_ar,
    coalesce(any_value(pn.name_latin), (select arg_max(s.person_name, (s.n, s.person_name)) from spellings as s
        where s.person_id = n.person_id and not regexp_matches(s.person_name, '[\x{0600}-\x{06FF}]'))) as name_latin,
    any_value(pn.figure) as figure,
    (select arg_max(pa.party, (pa.n, pa.party)) from parties as pa where pa.person_id = n.person_id) as party,
    count(distinct n.cluster_id) as n_events,
    count(distinct n.article_id) as n_articles,
    count(distinct n.person_name) as n_spellings,
    list(distinct n.role_code order by n.role_code) filter (where n.role_code is not null) as role_codes,
    min(n.event_date) as first_event_date,
    max(n.event_date) as last_event_date
from named as n
left join person_names as pn on pn.person_id = n.person_id
group by n.person_id
order by n_events desc, n.person_id
