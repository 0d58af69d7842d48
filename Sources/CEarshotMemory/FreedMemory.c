#include "CEarshotMemory.h"

// Any C library header defines __GLIBC__ on glibc.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void earshot_release_freed_memory(void) {
#if defined(__GLIBC__)
    // glibc keeps memory freed by one thread in that thread's arena, where another thread's allocations never reuse
    // it: the themes stage's workers free hundreds of megabytes of tokens that would otherwise stay resident.
    malloc_trim(0);
#endif
}
