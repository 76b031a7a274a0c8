/** The server the PostgreSQL variants of the tests use; CI sets DATABASE_URL. */
export const TEST_POSTGRES_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
export const REQUIRE_POSTGRES = process.env.REQUIRE_POSTGRES === '1';
