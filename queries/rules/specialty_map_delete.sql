-- Drops one edit (the default mapping applies again). $own_specialty VARCHAR
DELETE FROM specialty_map WHERE own_specialty = $own_specialty;
