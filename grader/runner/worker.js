'use strict';
/* A process of the grading runner (grader/test-run.ts starts one or more): it loads TypeScript
 * through the compile cache, then runs the test files it is sent, one after the other. */
const { registerTypeScript } = require('./compile-cache');

process.setSourceMapsEnabled(true);
registerTypeScript(process.env.ANNLAB_TEST_ROOT, process.env.ANNLAB_TEST_CACHE);
require('./worker-loop').serve();
