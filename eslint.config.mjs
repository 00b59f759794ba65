import next from "eslint-config-next";

export default [
  ...next,
  { ignores: [".next/**", "data/**", ".test-data/**", "public/vendor/**", "db/migrations/**", "bench/results/**"] },
];
