// Result<T>: the one error-as-value type used by the kernel, servers,
// translators and libc internals. A function that can fail returns
// Result<T> (or Result<void>); callers propagate with TRY().
#pragma once

#include <mach/error.h>

#include <new>
#include <type_traits>
#include <utility>

namespace freestanding {

template <typename T> class [[nodiscard]] Result {
public:
    Result(const T& value)
        : m_error(Error::none)
    {
        new (&m_storage) T(value);
    }
    Result(T&& value)
        : m_error(Error::none)
    {
        new (&m_storage) T(std::move(value));
    }
    // A failure. A Result<T> is ok only with a value: made from Error::none
    // (a status that said "no error" but brought no value) it is the failure
    // Error::no_value, so that nobody reads a value that was never built.
    Result(Error error)
        : m_error(error == Error::none ? Error::no_value : error)
    {
    }

    Result(Result&& other)
        : m_error(other.m_error)
    {
        if (ok())
            new (&m_storage) T(std::move(other.value()));
    }
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;
    Result& operator=(Result&&) = delete;
    ~Result()
    {
        if (ok())
            value().~T();
    }

    bool ok() const { return m_error == Error::none; }
    Error error() const { return m_error; }

    // Only valid when ok().
    T& value() { return *std::launder(reinterpret_cast<T*>(&m_storage)); }
    const T& value() const { return *std::launder(reinterpret_cast<const T*>(&m_storage)); }
    T release_value() { return std::move(value()); }
    // The value, or `fallback` if there is none.
    T value_or(T fallback) const { return ok() ? value() : fallback; }

private:
    Error m_error;
    alignas(T) unsigned char m_storage[sizeof(T)];
};

template <> class [[nodiscard]] Result<void> {
public:
    Result()
        : m_error(Error::none)
    {
    }
    Result(Error error)
        : m_error(error)
    {
    }

    bool ok() const { return m_error == Error::none; }
    Error error() const { return m_error; }
    void release_value() { }

private:
    Error m_error;
};

} // namespace freestanding

using freestanding::Result;

// Evaluates a Result-returning expression; on error returns the error from
// the enclosing function, otherwise yields the value.
#define TRY(expr)                                                                                                      \
    ({                                                                                                                 \
        auto _try_result = (expr);                                                                                     \
        if (!_try_result.ok())                                                                                         \
            return _try_result.error();                                                                                \
        _try_result.release_value();                                                                                   \
    })

// Evaluates an Error-returning expression; returns its error from the
// enclosing function unless it is Error::none.
#define TRY_STATUS(expr)                                                                                               \
    do {                                                                                                               \
        Error _try_status = (expr);                                                                                    \
        if (_try_status != Error::none)                                                                                \
            return _try_status;                                                                                        \
    } while (0)
