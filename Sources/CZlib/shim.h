// zlib seen from Swift: NewsStore compresses stored article bodies with it.
#include <zlib.h>
