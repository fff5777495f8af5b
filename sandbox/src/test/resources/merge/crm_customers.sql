-- Folds the staging change log the Iceberg sink wrote for crm.customers into the live corpus
-- table: latest change per key (source time, then Kafka offset), deletes remove, rows already
-- equal to their latest change are left alone (merge-on-read: a re-run writes nothing).
CREATE NAMESPACE IF NOT EXISTS zero.corpus;

CREATE TABLE IF NOT EXISTS zero.corpus.crm_customers (
  id BIGINT NOT NULL,
  balance DECIMAL(12, 2),
  name STRING,
  active BOOLEAN,
  born DATE,
  updated_at TIMESTAMP,
  ref STRING
) USING iceberg
TBLPROPERTIES (
  'format-version' = '2',
  'write.merge.mode' = 'merge-on-read',
  'write.update.mode' = 'merge-on-read',
  'write.delete.mode' = 'merge-on-read'
);

MERGE INTO zero.corpus.crm_customers AS t
USING (
  SELECT id, balance, name, active, born, updated_at, ref, op
  FROM (
    SELECT s.id, s.balance, s.name, s.active, s.born, s.updated_at, CAST(s.ref AS STRING) AS ref,
           s._cdc.op AS op,
           ROW_NUMBER() OVER (PARTITION BY s.id ORDER BY s._cdc.ts DESC, s._cdc.offset DESC) AS latest
    FROM zero.staging.crm_customers AS s
  )
  WHERE latest = 1
) AS c
ON t.id = c.id
WHEN MATCHED AND c.op = 'D' THEN DELETE
WHEN MATCHED AND NOT (t.balance <=> c.balance AND t.name <=> c.name AND t.active <=> c.active
                      AND t.born <=> c.born AND t.updated_at <=> c.updated_at AND t.ref <=> c.ref) THEN
  UPDATE SET t.balance = c.balance, t.name = c.name, t.active = c.active, t.born = c.born,
             t.updated_at = c.updated_at, t.ref = c.ref
WHEN NOT MATCHED AND c.op <> 'D' THEN
  INSERT (id, balance, name, active, born, updated_at, ref)
  VALUES (c.id, c.balance, c.name, c.active, c.born, c.updated_at, c.ref);
