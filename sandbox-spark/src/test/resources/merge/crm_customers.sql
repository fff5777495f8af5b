-- Folds the staging change log of crm.customers into the live corpus table.
-- Latest change per key wins (source time, then Kafka offset); a delete removes the row; a
-- row already equal to its latest change is left alone, so a second run changes nothing.
CREATE TABLE IF NOT EXISTS zero.corpus.crm_customers (
  id BIGINT NOT NULL,
  balance DECIMAL(12, 2),
  name STRING,
  born DATE,
  updated_at TIMESTAMP
) USING iceberg
TBLPROPERTIES (
  'format-version' = '2',
  -- merge-on-read: rows a MERGE leaves alone are not rewritten, so a re-run writes nothing
  'write.merge.mode' = 'merge-on-read',
  'write.update.mode' = 'merge-on-read',
  'write.delete.mode' = 'merge-on-read'
);

MERGE INTO zero.corpus.crm_customers AS t
USING (
  SELECT id, balance, name, born, updated_at, op
  FROM (
    SELECT s.id, s.balance, s.name, s.born, s.updated_at, s._cdc.op AS op,
           ROW_NUMBER() OVER (PARTITION BY s.id ORDER BY s._cdc.ts DESC, s._cdc.offset DESC) AS latest
    FROM zero.staging.crm_customers AS s
  )
  WHERE latest = 1
) AS c
ON t.id = c.id
WHEN MATCHED AND c.op = 'D' THEN DELETE
WHEN MATCHED AND NOT (t.balance <=> c.balance AND t.name <=> c.name AND t.born <=> c.born
                      AND t.updated_at <=> c.updated_at) THEN
  UPDATE SET t.balance = c.balance, t.name = c.name, t.born = c.born, t.updated_at = c.updated_at
WHEN NOT MATCHED AND c.op <> 'D' THEN
  INSERT (id, balance, name, born, updated_at) VALUES (c.id, c.balance, c.name, c.born, c.updated_at);
