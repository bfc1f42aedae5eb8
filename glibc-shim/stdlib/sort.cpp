// qsort: introsort (median-of-three quicksort, insertion sort for short
// ranges, heapsort when the recursion gets too deep), so sorted, reversed
// or adversarial input stays O(n log n). bsearch.
#include <stdlib.h>
#include <string.h>

namespace {

// Elements of any size, compared through a callback with an optional argument.
struct Elements {
    unsigned char* base;
    size_t size;
    int (*compare)(const void*, const void*, void*);
    void* argument;

    unsigned char* at(size_t index) const { return base + index * size; }
    int order(size_t a, size_t b) const { return compare(at(a), at(b), argument); }
    void swap(size_t a, size_t b) const
    {
        unsigned char* left = at(a);
        unsigned char* right = at(b);
        for (size_t i = 0; i < size; ++i) {
            unsigned char byte = left[i];
            left[i] = right[i];
            right[i] = byte;
        }
    }
};

void insertion_sort(const Elements& elements, size_t first, size_t last)
{
    for (size_t i = first + 1; i <= last; ++i) {
        for (size_t j = i; j > first && elements.order(j - 1, j) > 0; --j)
            elements.swap(j - 1, j);
    }
}

void sift_down(const Elements& elements, size_t first, size_t root, size_t count)
{
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= count)
            return;
        if (child + 1 < count && elements.order(first + child, first + child + 1) < 0)
            ++child;
        if (elements.order(first + root, first + child) >= 0)
            return;
        elements.swap(first + root, first + child);
        root = child;
    }
}

void heap_sort(const Elements& elements, size_t first, size_t last)
{
    size_t count = last - first + 1;
    for (size_t root = count / 2; root-- > 0;)
        sift_down(elements, first, root, count);
    for (size_t end = count - 1; end > 0; --end) {
        elements.swap(first, first + end);
        sift_down(elements, first, 0, end);
    }
}

// Partitions [first, last] around the median of three; returns the pivot's final place.
size_t partition(const Elements& elements, size_t first, size_t last)
{
    size_t middle = first + (last - first) / 2;
    if (elements.order(middle, first) < 0)
        elements.swap(middle, first);
    if (elements.order(last, first) < 0)
        elements.swap(last, first);
    if (elements.order(last, middle) < 0)
        elements.swap(last, middle);
    // Now first <= middle <= last; the pivot waits at last - 1.
    elements.swap(middle, last - 1);
    size_t pivot = last - 1;
    size_t i = first;
    size_t j = pivot;
    for (;;) {
        while (elements.order(++i, pivot) < 0) {
        }
        while (elements.order(--j, pivot) > 0) {
        }
        if (i >= j)
            break;
        elements.swap(i, j);
    }
    elements.swap(i, pivot);
    return i;
}

void intro_sort(const Elements& elements, size_t first, size_t last, int depth_left)
{
    while (last > first) {
        if (last - first < 16) {
            insertion_sort(elements, first, last);
            return;
        }
        if (depth_left-- == 0) {
            heap_sort(elements, first, last);
            return;
        }
        size_t pivot = partition(elements, first, last);
        // Recurse into the smaller side, loop on the larger: stack depth stays O(log n).
        if (pivot - first < last - pivot) {
            if (pivot > first)
                intro_sort(elements, first, pivot - 1, depth_left);
            first = pivot + 1;
        } else {
            intro_sort(elements, pivot + 1, last, depth_left);
            if (pivot == first)
                return;
            last = pivot - 1;
        }
    }
}

void sort(const Elements& elements, size_t count)
{
    if (count < 2 || elements.size == 0)
        return;
    int depth = 0;
    for (size_t n = count; n > 1; n /= 2)
        depth += 2;
    intro_sort(elements, 0, count - 1, depth);
}

int call_plain(const void* a, const void* b, void* compare)
{
    return reinterpret_cast<int (*)(const void*, const void*)>(compare)(a, b);
}

} // namespace

extern "C" {

void qsort_r(void* base, size_t count, size_t size, int (*compare)(const void*, const void*, void*), void* argument)
{
    sort(Elements { static_cast<unsigned char*>(base), size, compare, argument }, count);
}

void qsort(void* base, size_t count, size_t size, int (*compare)(const void*, const void*))
{
    sort(Elements { static_cast<unsigned char*>(base), size, call_plain, reinterpret_cast<void*>(compare) }, count);
}

void* bsearch(const void* key, const void* base, size_t count, size_t size, int (*compare)(const void*, const void*))
{
    auto* elements = static_cast<const unsigned char*>(base);
    size_t low = 0;
    size_t high = count;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        int order = compare(key, elements + middle * size);
        if (order == 0)
            return const_cast<unsigned char*>(elements + middle * size);
        if (order < 0)
            high = middle;
        else
            low = middle + 1;
    }
    return nullptr;
}

} // extern "C"
