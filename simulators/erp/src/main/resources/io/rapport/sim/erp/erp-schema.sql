-- The simulated on-premise ERP's customer schema. One schema for H2, PostgreSQL and MariaDB:
-- ${TIMESTAMP} is the only word a dialect replaces (see SqlDialect). Statements end with ';' at a line end.

-- Number ranges: the ERP hands out partner, order and invoice numbers itself, as SAP's NRIV does.
CREATE TABLE bp_number_range (
    range_id      VARCHAR(20)   NOT NULL,
    next_no       BIGINT        NOT NULL,
    last_no       BIGINT        NOT NULL,
    CONSTRAINT pk_bp_number_range PRIMARY KEY (range_id)
);

-- Business partners: customers that are persons or organizations.
CREATE TABLE bp_partner (
    partner_no    VARCHAR(10)   NOT NULL,
    kind          VARCHAR(12)   NOT NULL,
    first_name    VARCHAR(60),
    last_name     VARCHAR(80),
    org_name      VARCHAR(160),
    birth_date    DATE,
    national_id   VARCHAR(32),
    tax_id        VARCHAR(20),
    email         VARCHAR(254),
    phone         VARCHAR(40),
    credit_limit  DECIMAL(15,2) DEFAULT 0 NOT NULL,
    currency      CHAR(3)       DEFAULT 'EUR' NOT NULL,
    payment_terms VARCHAR(4)    DEFAULT 'NT30' NOT NULL,
    blocked       BOOLEAN       DEFAULT FALSE NOT NULL,
    ext_ref       VARCHAR(64),
    created_at    ${TIMESTAMP}  NOT NULL,
    changed_at    ${TIMESTAMP}  NOT NULL,
    changed_by    VARCHAR(30)   NOT NULL,
    row_version   INTEGER       DEFAULT 1 NOT NULL,
    CONSTRAINT pk_bp_partner PRIMARY KEY (partner_no),
    CONSTRAINT ck_bp_partner_kind CHECK (kind IN ('PERSON', 'ORGANIZATION'))
);
CREATE UNIQUE INDEX ux_bp_partner_ext_ref ON bp_partner (ext_ref);
CREATE INDEX ix_bp_partner_last_name ON bp_partner (last_name);

-- Addresses: at most one bill-to and one ship-to address per partner.
CREATE TABLE bp_address (
    partner_no    VARCHAR(10)   NOT NULL,
    address_type  VARCHAR(4)    NOT NULL,
    street        VARCHAR(120),
    house_no      VARCHAR(16),
    street2       VARCHAR(120),
    postcode      VARCHAR(12),
    city          VARCHAR(80),
    region        VARCHAR(80),
    country       CHAR(2)       NOT NULL,
    changed_at    ${TIMESTAMP}  NOT NULL,
    changed_by    VARCHAR(30)   NOT NULL,
    CONSTRAINT pk_bp_address PRIMARY KEY (partner_no, address_type),
    CONSTRAINT ck_bp_address_type CHECK (address_type IN ('BILL', 'SHIP')),
    CONSTRAINT fk_bp_address_partner FOREIGN KEY (partner_no) REFERENCES bp_partner (partner_no) ON DELETE CASCADE
);

-- Sales orders and their lines.
CREATE TABLE sales_order (
    order_no      BIGINT        NOT NULL,
    partner_no    VARCHAR(10)   NOT NULL,
    order_date    DATE          NOT NULL,
    status        VARCHAR(10)   NOT NULL,
    currency      CHAR(3)       NOT NULL,
    net_amount    DECIMAL(15,2) NOT NULL,
    created_at    ${TIMESTAMP}  NOT NULL,
    CONSTRAINT pk_sales_order PRIMARY KEY (order_no),
    CONSTRAINT ck_sales_order_status CHECK (status IN ('OPEN', 'DELIVERED', 'INVOICED', 'CANCELLED')),
    CONSTRAINT fk_sales_order_partner FOREIGN KEY (partner_no) REFERENCES bp_partner (partner_no)
);
CREATE INDEX ix_sales_order_partner ON sales_order (partner_no);

CREATE TABLE sales_order_line (
    order_no      BIGINT        NOT NULL,
    line_no       INTEGER       NOT NULL,
    material      VARCHAR(18)   NOT NULL,
    description   VARCHAR(80)   NOT NULL,
    quantity      DECIMAL(13,3) NOT NULL,
    unit_price    DECIMAL(15,2) NOT NULL,
    line_amount   DECIMAL(15,2) NOT NULL,
    CONSTRAINT pk_sales_order_line PRIMARY KEY (order_no, line_no),
    CONSTRAINT fk_sales_order_line_order FOREIGN KEY (order_no) REFERENCES sales_order (order_no) ON DELETE CASCADE
);

-- Invoices: what the partner owes, when it is due and how much was paid.
CREATE TABLE invoice (
    invoice_no    BIGINT        NOT NULL,
    partner_no    VARCHAR(10)   NOT NULL,
    order_no      BIGINT,
    invoice_date  DATE          NOT NULL,
    due_date      DATE          NOT NULL,
    currency      CHAR(3)       NOT NULL,
    net_amount    DECIMAL(15,2) NOT NULL,
    tax_amount    DECIMAL(15,2) NOT NULL,
    gross_amount  DECIMAL(15,2) NOT NULL,
    paid_amount   DECIMAL(15,2) DEFAULT 0 NOT NULL,
    status        VARCHAR(10)   NOT NULL,
    CONSTRAINT pk_invoice PRIMARY KEY (invoice_no),
    CONSTRAINT ck_invoice_status CHECK (status IN ('OPEN', 'PARTIAL', 'PAID', 'CANCELLED')),
    CONSTRAINT fk_invoice_partner FOREIGN KEY (partner_no) REFERENCES bp_partner (partner_no),
    CONSTRAINT fk_invoice_order FOREIGN KEY (order_no) REFERENCES sales_order (order_no)
);
CREATE INDEX ix_invoice_partner ON invoice (partner_no);

INSERT INTO bp_number_range (range_id, next_no, last_no) VALUES ('BP_PARTNER', 1000000, 9999999);
INSERT INTO bp_number_range (range_id, next_no, last_no) VALUES ('SALES_ORDER', 5000000000, 5999999999);
INSERT INTO bp_number_range (range_id, next_no, last_no) VALUES ('INVOICE', 9000000000, 9999999999);
