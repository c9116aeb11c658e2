-- guards: event_clusters
-- Every report of one real-world event has the event's type and party, and a cluster id.
select cluster_id, count(distinct event_type) as types, count(distinct coalesce(party, '')) as parties,
       count(*) filter (where cluster_id is null) as without_cluster
from {{ ref('stg_events') }}
group by cluster_id
having count(distinct event_type) > 1 or count(distinct coalesce(party, '')) > 1 or cluster_id is null
