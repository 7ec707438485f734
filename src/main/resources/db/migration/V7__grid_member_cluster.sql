-- The grid a note belongs to (Hazelcast's cluster name). Grids of other names on the same database (the
-- EAR on a Payara Server domain, a second cluster) are not the other side of a partition: a node compares
-- itself only with the notes of its own grid. Notes written by a build without this column read as ''.
ALTER TABLE grid_member ADD COLUMN cluster VARCHAR(64) NOT NULL DEFAULT '';
