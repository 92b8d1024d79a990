ALTER TABLE customers RENAME COLUMN note TO remark;
