// libFuzzer's driver, declared only. Nothing here is linked by a normal build: the symbol comes from the toolchain's
// libclang_rt.fuzzer, which `swiftc -sanitize=fuzzer` adds to the link (see Scripts/fuzz.sh).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
