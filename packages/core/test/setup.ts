import { afterEach, beforeEach } from 'vitest'
import { installAuditAfterEach } from '../src/testing.js'

installAuditAfterEach(afterEach, beforeEach)
