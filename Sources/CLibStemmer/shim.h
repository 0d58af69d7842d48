#ifndef CLIBSTEMMER_SHIM_H
#define CLIBSTEMMER_SHIM_H

// libstemmer (Snowball) ships no pkg-config file; Debian and Ubuntu install the header and the
// library on the default search paths, so the module map links "stemmer" by name.
#if __has_include(<libstemmer.h>)
#include <libstemmer.h>
#else
#error "libstemmer headers not found. On Debian/Ubuntu run: apt-get install -y libstemmer-dev"
#endif

#endif
