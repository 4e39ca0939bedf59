import { afterEach, beforeEach } from 'vitest'
import { installAuditAfterEach } from '@heap/core/testing'

// Every runtime a test creates (one per simulated case) gets the refcount audit afterwards.
installAuditAfterEach(afterEach, beforeEach)
