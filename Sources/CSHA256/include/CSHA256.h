// SHA-256 block compression with the CPU's SHA instructions, for RegionMeshGenerator's SHA256.
#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// 1 when this CPU has the SHA instructions regionmesh_sha256_hardware_blocks needs, else 0.
int regionmesh_sha256_hardware_available(void);

/// Compresses `blocks` 64-byte blocks at `data` into `state` (H0…H7). Call only when
/// regionmesh_sha256_hardware_available() returns 1.
void regionmesh_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
