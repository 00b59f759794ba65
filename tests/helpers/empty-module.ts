// Stands in for "server-only" outside the Next.js bundler: tests and scripts are server code.
export {};
