-- materialized: table
-- People by role: one row per person and role code (one vocabulary across languages), with the
-- text's own words for it, the party (the earliest report's that names one), and how many
-- real-world events (clusters) they held it at.
select
    p.person_id,
    pe.name_ar,
    pe.name_latin,
    p.role_code,
    list(distinct p.role order by p.role) as roles,
    coalesce(arg_min(p.party, (e.ingest_date, e.event_id)), arg_min(e.party, (e.ingest_date, e.event_id)))
        as party,
    count(distinct e.cluster_id) as n_events,
    count(distinct e.article_id) as n_articles,
    min(c.event_date) as first_event_date,
    max(c.event_date) as last_event_date
from {{ ref('stg_event_participants') }} as p
join {{ ref('stg_events') }} as e on e.event_id = p.event_id
left join {{ ref('persons') }} as pe on pe.person_id = p.person_id
left join {{ ref('event_clusters') }} as c on c.cluster_id = e.cluster_id
where p.role_code is not null
group by p.person_id, pe.name_ar, pe.name_latin, p.role_code
order by n_events desc, p.person_id, p.role_code
