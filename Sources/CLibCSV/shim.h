#ifndef CLIBCSV_SHIM_H
#define CLIBCSV_SHIM_H

// libcsv ships no pkg-config file; Debian and Ubuntu install the header and the
// library on the default search paths, so the package names no pkgConfig.
#if __has_include(<csv.h>)
#include <csv.h>
#else
#error "libcsv headers not found. On Debian/Ubuntu run: apt-get install -y libcsv-dev (or Scripts/bootstrap.sh)"
#endif

#endif
