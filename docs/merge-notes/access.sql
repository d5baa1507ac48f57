-- Backfill for network_removals (branch access, decision 006). Run once after the migration that
-- creates network_removals: removals used to be kept as network_members rows with status
-- 'removed' (and were erased when the person "left"); they now live in their own table.
insert into network_removals (network_id, user_id, removed_at)
select network_id, user_id, created_at from network_members where status = 'removed'
on conflict (network_id, user_id) do nothing;
delete from network_members where status = 'removed';
