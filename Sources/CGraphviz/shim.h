#ifndef GRADSCOPE_CGRAPHVIZ_SHIM_H
#define GRADSCOPE_CGRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/// Swift 6 rejects the mutable C global `Agdirected`; hand it out through a function.
static inline Agdesc_t gs_directed(void) { return Agdirected; }

/// The bounding box of a laid-out graph, in points (GD_bb is a macro Swift cannot import).
static inline boxf gs_bounding_box(Agraph_t *graph) { return GD_bb(graph); }

#include <stdlib.h>
#include <string.h>

/*
 * Reading DOT text with subgraph ids in the order the text names them.
 *
 * cgraph's default id discipline makes a named object's id the address of its interned name,
 * and subgraphs are kept (and clusters laid out and drawn) in id order: the order of heap
 * addresses, which changes from run to run. gs_read_dot gives named subgraphs ids in the order
 * of first mention, so the same DOT text draws the same SVG every time; nodes and edges, which
 * cgraph keeps in creation order anyway, still go through the default discipline.
 */
typedef struct {
    Agraph_t *root;   /* the default discipline's state */
    char **names;     /* names[k] has id 2 * (k + 1) */
    size_t count, capacity;
    size_t *slots;    /* open-addressing index: k + 1 of the name hashed there, 0 when empty */
    size_t slotCount; /* a power of two, at least twice `capacity` */
} gs_subgraph_ids;

static inline size_t gs_ids_hash(const char *name) {
    size_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *name; name++) h = (h ^ (unsigned char)*name) * 1099511628211ULL;
    return h;
}

static inline void *gs_ids_open(Agraph_t *g, Agdisc_t *disc) {
    (void)disc;
    gs_subgraph_ids *state = calloc(1, sizeof(gs_subgraph_ids));
    if (state) state->root = g;
    return state;
}

/* The slot that holds `name`, or the empty slot where it would go. */
static inline size_t gs_ids_slot(gs_subgraph_ids *state, const char *name) {
    size_t mask = state->slotCount - 1, slot = gs_ids_hash(name) & mask;
    while (state->slots[slot] && strcmp(state->names[state->slots[slot] - 1], name) != 0) slot = (slot + 1) & mask;
    return slot;
}

/* Makes room for one more name; returns 0 when memory runs out. */
static inline int gs_ids_reserve(gs_subgraph_ids *state) {
    if (state->count < state->capacity) return 1;
    size_t capacity = state->capacity ? 2 * state->capacity : 64;
    char **names = realloc(state->names, capacity * sizeof(char *));
    if (!names) return 0;
    state->names = names;
    size_t *slots = calloc(2 * capacity, sizeof(size_t));
    if (!slots) return 0;
    free(state->slots);
    state->slots = slots;
    state->slotCount = 2 * capacity;
    state->capacity = capacity;
    for (size_t k = 0; k < state->count; k++) state->slots[gs_ids_slot(state, state->names[k])] = k + 1;
    return 1;
}

static inline long gs_ids_map(void *opaque, int objtype, char *str, IDTYPE *id, int createflag) {
    gs_subgraph_ids *state = opaque;
    if (objtype != AGRAPH || !str) return AgIdDisc.map(state->root, objtype, str, id, createflag);
    size_t slot = state->slotCount ? gs_ids_slot(state, str) : 0;
    if (!state->slotCount || !state->slots[slot]) {
        if (!createflag || !gs_ids_reserve(state)) return 0;
        char *copy = strdup(str);
        if (!copy) return 0;
        state->names[state->count++] = copy;
        state->slots[gs_ids_slot(state, str)] = state->count;
        slot = gs_ids_slot(state, str);
    }
    *id = 2 * (IDTYPE)state->slots[slot];
    return 1;
}

static inline long gs_ids_alloc(void *opaque, int objtype, IDTYPE request) {
    gs_subgraph_ids *state = opaque;
    return AgIdDisc.alloc(state->root, objtype, request);
}

static inline void gs_ids_free(void *opaque, int objtype, IDTYPE id) {
    gs_subgraph_ids *state = opaque;
    /* Subgraph names stay until close: an id is never handed out twice. */
    if (objtype != AGRAPH || id % 2 != 0) AgIdDisc.free(state->root, objtype, id);
}

static inline char *gs_ids_print(void *opaque, int objtype, IDTYPE id) {
    gs_subgraph_ids *state = opaque;
    if (objtype == AGRAPH && id % 2 == 0 && id / 2 >= 1 && id / 2 <= state->count) return state->names[id / 2 - 1];
    return AgIdDisc.print(state->root, objtype, id);
}

static inline void gs_ids_close(void *opaque) {
    gs_subgraph_ids *state = opaque;
    for (size_t k = 0; k < state->count; k++) free(state->names[k]);
    free(state->names);
    free(state->slots);
    if (AgIdDisc.close) AgIdDisc.close(state->root);
    free(state);
}

static inline void gs_ids_register(void *opaque, int objtype, void *obj) {
    gs_subgraph_ids *state = opaque;
    if (AgIdDisc.idregister) AgIdDisc.idregister(state->root, objtype, obj);
}

static Agiddisc_t gs_subgraph_id_disc = {
    gs_ids_open, gs_ids_map, gs_ids_alloc, gs_ids_free, gs_ids_print, gs_ids_close, gs_ids_register
};

/* agmemread's reader, line by line (cgraph 2.42's memiofread). */
typedef struct { const char *data; size_t length, offset; } gs_dot_reader;

static inline int gs_dot_read(void *channel, char *buffer, int size) {
    gs_dot_reader *reader = channel;
    if (size == 0 || reader->offset >= reader->length) return 0;
    int n = 0;
    char c;
    do {
        c = reader->data[reader->offset + n];
        buffer[n++] = c;
    } while (c && c != '\n' && n < size && reader->offset + n < reader->length);
    reader->offset += n;
    return n;
}

/// Parses DOT text like agmemread, with subgraph ids in the order the text names them.
static inline Agraph_t *gs_read_dot(const char *text) {
    static Agiodisc_t io;
    io.afread = gs_dot_read;
    io.putstr = AgIoDisc.putstr;
    io.flush = AgIoDisc.flush;
    Agdisc_t disc = { &AgMemDisc, &gs_subgraph_id_disc, &io };
    gs_dot_reader reader = { text, strlen(text), 0 };
    agreadline(1); /* every parse counts its own lines, as agmemread's does */
    return agread(&reader, &disc);
}
#endif
