import { z } from 'zod';

// Our Content-Security-Policy forbids eval. Zod would otherwise probe for it with new Function() on
// its first parse, which the browser blocks and reports as a CSP violation; parsing works the same.
z.config({ jitless: true });
