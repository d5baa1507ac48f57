-- Run before the constraints migration on an installation that already has data (the lead may
-- fold it into the combined 0004 migration, ahead of the ALTER TABLE statements).
-- Dangling references the new foreign keys would refuse:
update comments set parent_id = null
  where parent_id is not null and parent_id not in (select id from comments);
update forum_topics set answer_reply_id = null
  where answer_reply_id is not null and answer_reply_id not in (select id from forum_replies);
update posts set deleted_by = null
  where deleted_by is not null and deleted_by not in (select id from users);
-- Addresses are meant to be stored lower-cased (fails loudly if two differ only in case, which
-- then needs a person to merge the accounts):
update users set email = lower(email) where email <> lower(email);
update auth_tokens set email = lower(email) where email <> lower(email);
-- Counters that drifted below zero:
update networks set member_count = (select count(*) from network_members m
  where m.network_id = networks.id and m.status = 'active') where member_count < 0;
update forum_topics set reply_count = (select count(*) from forum_replies r
  where r.topic_id = forum_topics.id and r.deleted_at is null) where reply_count < 0;
