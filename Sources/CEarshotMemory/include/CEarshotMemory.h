#ifndef CEARSHOT_MEMORY_H
#define CEARSHOT_MEMORY_H

/// Returns the whole free pages of the C heap to the system, in every thread's arena (glibc's malloc_trim); does
/// nothing on other C libraries.
void earshot_release_freed_memory(void);

#endif
