import { afterEach, beforeEach } from 'vitest'
import { installAuditAfterEach } from '@heap/core/testing'
import { setDebugChecks } from '../src/validate.js'

// validate_list runs at every checkpoint of every collection in the tests.
setDebugChecks(true)
installAuditAfterEach(afterEach, beforeEach)
