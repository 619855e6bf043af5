import base from "/work/main/vitest.config.ts";
export default { ...base, test: { ...base.test, maxWorkers: 1, setupFiles: ["/work/main/shared/testkit/cpu-setup.tmp.ts"] } };
