import { afterEach, beforeEach } from 'vitest'
import { installAuditAfterEach } from '@heap/core/testing'

installAuditAfterEach(afterEach, beforeEach)
