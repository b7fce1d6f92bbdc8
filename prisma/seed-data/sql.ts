import { code, md, MODELS } from "./text";
import type { SeedItem } from "./types";

const { alpha, beta, deep, gpt } = MODELS;

export const sqlItems: SeedItem[] = [
  // ---------------------------------------------------------------------------------------------
  {
    id: "sql-user-by-email",
    language: "sql",
    prompt: md`
Using psycopg 3, write \`get_user_by_email(conn, email)\` that returns the user row as a dict, or \`None\`. Emails are stored as typed at signup; lookups must be case-insensitive. The email comes from a public "forgot password" form.

\`\`\`sql
CREATE TABLE users (
  id          bigserial PRIMARY KEY,
  email       text NOT NULL,
  name        text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_lower_idx ON users (lower(email));
\`\`\`
`,
    responses: [
      {
        id: "sql-user-by-email-a",
        model: alpha,
        content: code`
def get_user_by_email(conn, email):
    # look up the user by email (case insensitive)
    cursor = conn.cursor()
    query = f"SELECT id, email, name, created_at FROM users WHERE LOWER(email) = LOWER('{email}')"
    cursor.execute(query)
    row = cursor.fetchone()
    if row is None:
        return None
    columns = [desc[0] for desc in cursor.description]
    return dict(zip(columns, row))
`,
        flaw:
          "SQL injection: the email from a public form is interpolated with an f-string, so `x') OR true --` returns the first user and stacked/union payloads can read other tables. The cursor is never closed.",
      },
      {
        id: "sql-user-by-email-b",
        model: beta,
        content: code`
from psycopg.rows import dict_row


def get_user_by_email(conn, email: str):
    """Return the user with this email (case-insensitive) or None."""
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(
            "SELECT id, email, name, created_at FROM users WHERE email ILIKE %s",
            (email,),
        )
        return cur.fetchone()
`,
        flaw:
          "Parameterised, but ILIKE treats `_` and `%` in the input as wildcards: 'j_doe@example.com' also matches 'jxdoe@example.com' and '%@example.com' matches an arbitrary user — dangerous on a password-reset form. It also can't use the lower(email) index.",
      },
      {
        id: "sql-user-by-email-c",
        model: gpt,
        content: code`
from typing import Any

import psycopg
from psycopg.rows import dict_row


def get_user_by_email(conn: psycopg.Connection, email: str) -> dict[str, Any] | None:
    """Case-insensitive lookup; matches the users_email_lower_idx expression index."""
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(
            """
            SELECT id, email, name, created_at
            FROM users
            WHERE lower(email) = lower(%s)
            """,
            (email.strip(),),
        )
        return cur.fetchone()
`,
      },
    ],
    tests: {
      "sql-user-by-email-a": { passed: 6, total: 8 },
      "sql-user-by-email-b": { passed: 7, total: 8 },
      "sql-user-by-email-c": { passed: 8, total: 8 },
    },
    scores: {
      "sql-user-by-email-a": 0.84,
      "sql-user-by-email-b": 1.93,
      "sql-user-by-email-c": 2.37,
    },
    gold: { preference: 3, responses: ["sql-user-by-email-a", "sql-user-by-email-c"] },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "sql-keyset-pagination",
    language: "sql",
    prompt: md`
We paginate an activity feed with \`OFFSET\` and deep pages are getting slow. Rewrite it as keyset (cursor) pagination for PostgreSQL: newest first, 20 per page, and the client sends back a cursor from the last row it saw.

\`\`\`sql
CREATE TABLE posts (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  author_id   bigint NOT NULL,
  body        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- current query
SELECT id, author_id, body, created_at
FROM posts
ORDER BY created_at DESC
LIMIT 20 OFFSET $1;
\`\`\`

Many posts are imported in bulk, so lots of rows share the same \`created_at\`, and imported rows can have a higher \`id\` but an older \`created_at\`.
`,
    responses: [
      {
        id: "sql-keyset-pagination-a",
        model: gpt,
        content: code`
-- Cursor = (created_at, id) of the last row on the previous page.
-- id breaks ties between rows with the same created_at, so nothing is skipped or repeated.
CREATE INDEX IF NOT EXISTS posts_created_at_id_idx ON posts (created_at DESC, id DESC);

-- First page
SELECT id, author_id, body, created_at
FROM posts
ORDER BY created_at DESC, id DESC
LIMIT 20;

-- Next pages: $1 = last created_at, $2 = last id.
-- The row comparison matches the index order, so this is a single index range scan.
SELECT id, author_id, body, created_at
FROM posts
WHERE (created_at, id) < ($1, $2)
ORDER BY created_at DESC, id DESC
LIMIT 20;
`,
      },
      {
        id: "sql-keyset-pagination-b",
        model: beta,
        content: code`
-- Keyset pagination: pass the created_at of the last post you received as $1
-- (NULL for the first page).
CREATE INDEX idx_posts_created_at ON posts (created_at DESC);

SELECT id, author_id, body, created_at
FROM posts
WHERE $1::timestamptz IS NULL OR created_at < $1
ORDER BY created_at DESC
LIMIT 20;
`,
        flaw:
          "Cursor is created_at alone: when a page boundary falls inside a group of rows sharing a timestamp (common with bulk imports), the rest of that group is skipped forever because of the strict `<`; the ORDER BY is also non-deterministic within ties.",
      },
      {
        id: "sql-keyset-pagination-c",
        model: alpha,
        content: code`
-- Use a subquery to find the starting point for the requested page
SELECT id, author_id, body, created_at
FROM posts
WHERE id <= (
    SELECT id FROM posts
    ORDER BY created_at DESC
    LIMIT 1 OFFSET ($1 - 1) * 20
)
ORDER BY created_at DESC
LIMIT 20;
`,
        flaw:
          "Not keyset pagination: the subquery still walks OFFSET rows, so deep pages are as slow as before; filtering on id while ordering by created_at is wrong because imported rows have higher ids but older timestamps, so rows are skipped or repeated.",
      },
      {
        id: "sql-keyset-pagination-d",
        model: deep,
        content: code`
-- $1 = created_at of the last row on the previous page, $2 = its id.
-- Pass NULLs for the first page.
SELECT id, author_id, body, created_at
FROM posts
WHERE $1::timestamptz IS NULL
   OR created_at < $1
   OR (created_at = $1 AND id < $2)
ORDER BY created_at DESC, id DESC
LIMIT 20;

-- Supporting index, so the query reads 20 index entries instead of sorting the table:
CREATE INDEX posts_feed_idx ON posts (created_at DESC, id DESC);
`,
        flaw:
          "Correct results. Minor: the OR-expanded predicate (plus the NULL-check branch) is harder for the planner to turn into a single index range condition than a row comparison, especially with generic plans for prepared statements.",
      },
    ],
    scores: {
      "sql-keyset-pagination-a": 1.91,
      "sql-keyset-pagination-b": 1.27,
      "sql-keyset-pagination-c": 0.18,
      "sql-keyset-pagination-d": 1.86,
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "sql-top-products-per-category",
    language: "sql",
    prompt: md`
PostgreSQL: for each product category, return the top 3 products by revenue over the last 90 days. Exactly 3 rows per category (fewer if the category has fewer products with sales); if revenues tie, the lower \`product_id\` wins.

\`\`\`sql
products    (id bigint PRIMARY KEY, category_id bigint NOT NULL, name text NOT NULL)
orders      (id bigint PRIMARY KEY, created_at timestamptz NOT NULL, status text NOT NULL) -- only 'paid' counts
order_items (order_id bigint NOT NULL, product_id bigint NOT NULL, quantity int NOT NULL, unit_price_cents int NOT NULL)
\`\`\`

\`order_items\` has ~40M rows.
`,
    responses: [
      {
        id: "sql-top-products-per-category-a",
        model: deep,
        content: code`
SELECT category_id, product_id, name, revenue
FROM (
    SELECT p.category_id,
           p.id AS product_id,
           p.name,
           SUM(oi.quantity * oi.unit_price_cents) AS revenue,
           RANK() OVER (PARTITION BY p.category_id
                        ORDER BY SUM(oi.quantity * oi.unit_price_cents) DESC) AS rnk
    FROM products p
    JOIN order_items oi ON oi.product_id = p.id
    JOIN orders o ON o.id = oi.order_id
    WHERE o.status = 'paid'
      AND o.created_at >= NOW() - INTERVAL '90 days'
    GROUP BY p.category_id, p.id, p.name
) t
WHERE rnk <= 3
ORDER BY category_id, revenue DESC;
`,
        flaw:
          "RANK() returns more than 3 rows per category when revenues tie and ignores the product_id tie-break (ROW_NUMBER with `ORDER BY revenue DESC, product_id` was required). quantity * unit_price_cents is int * int and raises 'integer out of range' for any line item above ~$21.4M.",
      },
      {
        id: "sql-top-products-per-category-b",
        model: gpt,
        content: code`
WITH revenue AS (
    SELECT p.category_id,
           p.id   AS product_id,
           p.name,
           -- cast before multiplying: int * int overflows above 2^31 cents
           SUM(oi.quantity::bigint * oi.unit_price_cents) AS revenue_cents
    FROM order_items oi
    JOIN orders   o ON o.id = oi.order_id
    JOIN products p ON p.id = oi.product_id
    WHERE o.status = 'paid'
      AND o.created_at >= now() - interval '90 days'
    GROUP BY p.category_id, p.id, p.name
),
ranked AS (
    SELECT revenue.*,
           ROW_NUMBER() OVER (PARTITION BY category_id
                              ORDER BY revenue_cents DESC, product_id) AS rn
    FROM revenue
)
SELECT category_id, product_id, name, revenue_cents
FROM ranked
WHERE rn <= 3
ORDER BY category_id, rn;
`,
      },
      {
        id: "sql-top-products-per-category-c",
        model: alpha,
        content: code`
SELECT r.category_id, r.product_id, r.revenue
FROM (
    SELECT p.category_id, p.id AS product_id, SUM(oi.quantity * oi.unit_price_cents) AS revenue
    FROM products p
    JOIN order_items oi ON oi.product_id = p.id
    JOIN orders o ON o.id = oi.order_id
    WHERE o.status = 'paid' AND o.created_at > NOW() - INTERVAL '90 days'
    GROUP BY p.category_id, p.id
) r
WHERE (
    SELECT COUNT(*)
    FROM (
        SELECT p2.id, SUM(oi2.quantity * oi2.unit_price_cents) AS revenue
        FROM products p2
        JOIN order_items oi2 ON oi2.product_id = p2.id
        JOIN orders o2 ON o2.id = oi2.order_id
        WHERE o2.status = 'paid' AND o2.created_at > NOW() - INTERVAL '90 days'
          AND p2.category_id = r.category_id
        GROUP BY p2.id
    ) r2
    WHERE r2.revenue > r.revenue
) < 3
ORDER BY r.category_id, r.revenue DESC;
`,
        flaw:
          "Quadratic: the correlated subquery re-aggregates the whole category's order items once per product, which is hopeless on 40M rows when a single window function pass does it. Ties return more than 3 rows with no product_id tie-break; product name missing; same int overflow as a plain multiplication.",
      },
    ],
    scores: {
      "sql-top-products-per-category-a": 1.58,
      "sql-top-products-per-category-b": 2.12,
      "sql-top-products-per-category-c": 0.47,
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "sql-daily-signups-tz",
    language: "sql",
    prompt: md`
Dashboard query for PostgreSQL: the number of signups per day for the **last 30 days including today**, where "day" means the calendar day in New York (\`America/New_York\`). Days without signups must show \`0\`. The database session runs in UTC.

\`users.created_at\` is \`timestamptz\` and indexed. Output columns: \`day date, signups int\`, oldest first.
`,
    responses: [
      {
        id: "sql-daily-signups-tz-a",
        model: beta,
        content: code`
-- Signups per day for the last 30 days.
-- Cast to date to bucket the timestamps by day.
SELECT created_at::date AS day,
       COUNT(*) AS signups
FROM users
WHERE created_at >= CURRENT_DATE - INTERVAL '30 days'
GROUP BY created_at::date
ORDER BY day;
`,
        flaw:
          "created_at::date and CURRENT_DATE use the session timezone (UTC), so a signup at 21:00 in New York is counted on the next day; days with zero signups are missing entirely; the window covers 31 UTC days; COUNT returns bigint, not int.",
      },
      {
        id: "sql-daily-signups-tz-b",
        model: deep,
        content: code`
WITH bounds AS (
    SELECT (now() AT TIME ZONE 'America/New_York')::date AS today
),
days AS (
    SELECT generate_series(today - 29, today, interval '1 day')::date AS day
    FROM bounds
)
SELECT d.day,
       COUNT(u.id)::int AS signups
FROM days d
LEFT JOIN users u
       -- half-open range on the raw column keeps the created_at index usable,
       -- and local midnight -> timestamptz handles DST days (23h/25h) correctly
       ON u.created_at >= (d.day::timestamp AT TIME ZONE 'America/New_York')
      AND u.created_at <  ((d.day + 1)::timestamp AT TIME ZONE 'America/New_York')
GROUP BY d.day
ORDER BY d.day;
`,
      },
      {
        id: "sql-daily-signups-tz-c",
        model: gpt,
        content: code`
SELECT d::date AS day,
       COUNT(u.id)::int AS signups
FROM generate_series(
         date_trunc('day', now() AT TIME ZONE 'America/New_York') - interval '30 days',
         date_trunc('day', now() AT TIME ZONE 'America/New_York'),
         interval '1 day'
     ) AS d
LEFT JOIN users u
       ON (u.created_at AT TIME ZONE 'America/New_York')::date = d::date
GROUP BY d
ORDER BY d;
`,
        flaw:
          "Off-by-one: today - 30 days .. today inclusive is 31 rows, not 30. Timezone handling is right, but joining on an expression of created_at can't use the index, so every run scans all users.",
      },
    ],
    tests: {
      "sql-daily-signups-tz-a": { passed: 1, total: 5 },
      "sql-daily-signups-tz-b": { passed: 5, total: 5 },
      "sql-daily-signups-tz-c": { passed: 3, total: 5 },
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "sql-order-search",
    language: "sql",
    prompt: md`
Admin panel, Node + \`pg\`. Write \`searchOrders(pool, filters)\` that builds a query over \`orders\` from optional filters and returns the rows:

\`\`\`ts
type OrderFilters = {
  status?: "pending" | "paid" | "refunded";
  customerEmail?: string;     // case-insensitive match
  minTotalCents?: number;
  sortBy?: string;            // straight from the ?sort= query param, e.g. "created_at"
  sortDir?: "asc" | "desc";
  limit?: number;             // default 50, max 200
};
\`\`\`

Only include a condition when its filter is set. Columns: \`id, status, customer_email, total_cents, created_at\`.
`,
    responses: [
      {
        id: "sql-order-search-a",
        model: alpha,
        content: code`
import { Pool } from "pg";

export async function searchOrders(pool: Pool, filters: OrderFilters) {
  let query = "SELECT * FROM orders WHERE 1=1";
  const values: any[] = [];

  if (filters.status) {
    values.push(filters.status);
    query += \` AND status = $\${values.length}\`;
  }
  if (filters.customerEmail) {
    values.push(filters.customerEmail);
    query += \` AND customer_email = $\${values.length}\`;
  }
  if (filters.minTotalCents) {
    values.push(filters.minTotalCents);
    query += \` AND total_cents >= $\${values.length}\`;
  }

  const sortBy = filters.sortBy || "created_at";
  const sortDir = filters.sortDir || "desc";
  query += \` ORDER BY \${sortBy} \${sortDir} LIMIT \${filters.limit || 50}\`;

  const result = await pool.query(query, values);
  return result.rows;
}
`,
        flaw:
          "SQL injection through ORDER BY: sortBy comes from the query string and is interpolated into the SQL (e.g. a CASE WHEN (SELECT ...) expression gives boolean-based blind extraction of any table); sortDir and limit are interpolated too and the 200 cap is ignored. minTotalCents = 0 is dropped by the truthiness check; the email match is case-sensitive.",
      },
      {
        id: "sql-order-search-b",
        model: gpt,
        content: code`
import type { Pool } from "pg";

// Identifiers can't be bound as parameters, so map user-facing keys to fixed column names.
const SORTABLE: Record<string, string> = {
  created_at: "created_at",
  total: "total_cents",
  status: "status",
};

export async function searchOrders(pool: Pool, filters: OrderFilters) {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, value: unknown) => {
    params.push(value);
    where.push(condition.replace("?", \`$\${params.length}\`));
  };

  if (filters.status) add("status = ?", filters.status);
  if (filters.customerEmail) add("lower(customer_email) = lower(?)", filters.customerEmail);
  if (filters.minTotalCents !== undefined) add("total_cents >= ?", filters.minTotalCents);

  const sortBy = filters.sortBy ?? "";
  const column = Object.hasOwn(SORTABLE, sortBy) ? SORTABLE[sortBy] : "created_at";
  const direction = filters.sortDir === "asc" ? "ASC" : "DESC";
  const requested = Number.isInteger(filters.limit) ? (filters.limit as number) : 50;
  params.push(Math.min(Math.max(requested, 1), 200));

  const sql = \`
    SELECT id, status, customer_email, total_cents, created_at
    FROM orders
    \${where.length > 0 ? \`WHERE \${where.join(" AND ")}\` : ""}
    ORDER BY \${column} \${direction}, id \${direction}
    LIMIT $\${params.length}\`;

  const { rows } = await pool.query(sql, params);
  return rows;
}
`,
      },
      {
        id: "sql-order-search-c",
        model: beta,
        content: code`
import type { Pool } from "pg";

const SORT_COLUMNS = new Set(["created_at", "total_cents", "status"]);

export async function searchOrders(pool: Pool, filters: OrderFilters) {
  const conditions: string[] = [];
  const params: unknown[] = [];

  if (filters.status !== undefined) {
    conditions.push(\`status = $\${params.length}\`);
    params.push(filters.status);
  }
  if (filters.customerEmail !== undefined) {
    conditions.push(\`lower(customer_email) = lower($\${params.length})\`);
    params.push(filters.customerEmail);
  }
  if (filters.minTotalCents !== undefined) {
    conditions.push(\`total_cents >= $\${params.length}\`);
    params.push(filters.minTotalCents);
  }

  const sortBy = SORT_COLUMNS.has(filters.sortBy ?? "") ? filters.sortBy : "created_at";
  const sortDir = filters.sortDir === "asc" ? "ASC" : "DESC";
  const limit = Math.min(filters.limit ?? 50, 200);

  const where = conditions.length > 0 ? \`WHERE \${conditions.join(" AND ")}\` : "";
  const sql = \`SELECT * FROM orders \${where} ORDER BY \${sortBy} \${sortDir} LIMIT \${limit}\`;
  const { rows } = await pool.query(sql, params);
  return rows;
}
`,
        flaw:
          "Off-by-one in placeholder numbering: the $n index is computed before the push, so the first condition is always `$0` and every filtered search fails with 'there is no parameter $0' (later conditions would bind the previous filter's value). Sorting is whitelisted correctly; limit has no lower bound.",
      },
    ],
    tests: {
      "sql-order-search-a": { passed: 9, total: 12 },
      "sql-order-search-b": { passed: 12, total: 12 },
      "sql-order-search-c": { passed: 3, total: 12 },
    },
    scores: {
      "sql-order-search-a": 1.02,
      "sql-order-search-b": 2.14,
      "sql-order-search-c": 1.79,
    },
  },

  // ---------------------------------------------------------------------------------------------
  {
    id: "sql-usage-counter-upsert",
    language: "sql",
    prompt: md`
We count API calls per customer per day in Postgres, and the endpoint gets a lot of concurrent traffic. Write the Python (psycopg 3) function \`record_call(conn, customer_id)\` that increments today's counter (days are UTC), creating the row if needed.

\`\`\`sql
CREATE TABLE api_usage (
  customer_id bigint  NOT NULL,
  day         date    NOT NULL,
  calls       integer NOT NULL DEFAULT 0,
  PRIMARY KEY (customer_id, day)
);
\`\`\`
`,
    responses: [
      {
        id: "sql-usage-counter-upsert-a",
        model: alpha,
        content: code`
from datetime import date


def record_call(conn, customer_id):
    cur = conn.cursor()
    today = date.today()
    cur.execute(
        "SELECT calls FROM api_usage WHERE customer_id = %s AND day = %s",
        (customer_id, today),
    )
    row = cur.fetchone()
    if row is None:
        cur.execute(
            "INSERT INTO api_usage (customer_id, day, calls) VALUES (%s, %s, 1)",
            (customer_id, today),
        )
    else:
        cur.execute(
            "UPDATE api_usage SET calls = %s WHERE customer_id = %s AND day = %s",
            (row[0] + 1, customer_id, today),
        )
    conn.commit()
`,
        flaw:
          "Check-then-act race: two concurrent first calls both INSERT and one fails with a unique violation; concurrent updates write `row[0] + 1` from a stale read, losing increments under READ COMMITTED. date.today() is the server's local date, not UTC. Cursor never closed.",
      },
      {
        id: "sql-usage-counter-upsert-b",
        model: deep,
        content: code`
from datetime import datetime, timezone


def record_call(conn, customer_id: int) -> None:
    # One atomic upsert: ON CONFLICT DO UPDATE locks the existing row, so concurrent
    # increments serialise instead of overwriting each other.
    today = datetime.now(timezone.utc).date()
    with conn.cursor() as cur:
        cur.execute(
            """
            INSERT INTO api_usage AS u (customer_id, day, calls)
            VALUES (%s, %s, 1)
            ON CONFLICT (customer_id, day) DO UPDATE SET calls = u.calls + 1
            """,
            (customer_id, today),
        )
    conn.commit()
`,
      },
      {
        id: "sql-usage-counter-upsert-c",
        model: gpt,
        content: code`
import psycopg

_UPSERT = """
    INSERT INTO api_usage (customer_id, day, calls)
    VALUES (%s, (now() AT TIME ZONE 'UTC')::date, 1)
    ON CONFLICT (customer_id, day)
    DO UPDATE SET calls = api_usage.calls + 1
    RETURNING calls
"""


def record_call(conn: psycopg.Connection, customer_id: int) -> int:
    """Atomically increment today's (UTC) counter and return the new value.

    INSERT ... ON CONFLICT is a single statement, so concurrent callers can neither
    both insert the row nor lose each other's increments.
    """
    with conn.transaction():
        row = conn.execute(_UPSERT, (customer_id,)).fetchone()
    assert row is not None
    return row[0]
`,
      },
    ],
  },
];
