import next from "eslint-config-next";

const config = [
  ...next,
  {
    ignores: [
      ".next/**",
      "data/**",
      ".test-data/**",
      "public/vendor/**",
      "db/migrations/**",
      "bench/results/**",
    ],
  },
];

export default config;
