#include "FuzzShim.h"
