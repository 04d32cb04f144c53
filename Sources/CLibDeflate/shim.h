// libdeflate seen from Swift: NewsStore compresses stored article bodies with it (zlib format,
// which zlib reads back).
#include <libdeflate.h>
