// Active translators on nodes: attached (fs SetTranslator, or a passive one
// started), asked for their root on the way through a lookup, detached
// when they die; and the translator fields a client reads.
#include <fs_server/clock.h>
#include <fs_server/file_system.h>
#include <heap/heap.h>
#include <interfaces/fsys.h>
#include <rpc/client.h>

namespace fs {

Result<mach::PortName> FileSystem::translator_root(
    Node& node, uint32_t credentials, uint32_t flags, fsys::GetRoot::Reply& answer)
{
    // The call goes out without the lock: a translator that never answers
    // holds up only this lookup. Our own reference to its control port
    // keeps the name ours meanwhile (a detach elsewhere drops only its own).
    mach::PortName translator = node.active_translator;
    if (mach::port_mod_refs(m_server.task(), translator, mach::RightType::send, 1) != Error::none) {
        detach(node); // a dead name already: its notification is on the way
        translator_ended();
        return Error::not_found;
    }
    const Credentials who = m_credentials[credentials];
    rpc::Rights<1> got;
    Error status = Error::none;
    {
        runtime::Unlocked unlocked(m_lock);
        status = rpc::call<fsys::GetRoot>(translator, { who, flags, 0 }, answer, {}, &got, kTranslatorTimeoutNs);
    }
    bool still_there = node.active_translator == translator;
    (void)mach::port_deallocate(m_server.task(), translator);
    if (status == Error::port_dead || status == Error::invalid_name || status == Error::timed_out) {
        // Dead, or too slow to trust with lookups: the node is itself again
        // (a lookup that waited for it in vain gets timed_out).
        if (still_there)
            detach(node);
        if (status != Error::timed_out)
            translator_ended(); // it died: reaped now
        return status == Error::timed_out ? Error::timed_out : Error::not_found;
    }
    TRY_STATUS(status);
    return got[0].name;
}

Error FileSystem::attach(Node& node, mach::PortName control)
{
    if (m_translated_count == kMaxTranslators)
        return Error::no_space;
    TRY_STATUS(m_server.watch_death(control, m_port));
    node.reference();
    node.active_translator = control;
    m_translated[m_translated_count++] = &node;
    return Error::none;
}

void FileSystem::detach(Node& node)
{
    for (uint32_t i = 0; i < m_translated_count; i++) {
        if (m_translated[i] == &node) {
            m_translated[i] = m_translated[--m_translated_count];
            rpc::release({ node.active_translator, mach::Disposition::move_send });
            node.active_translator = mach::kNullName;
            node.release();
            return;
        }
    }
}

void FileSystem::dead_name(mach::PortName name)
{
    runtime::Locked locked(m_lock);
    if (m_parked.forget(name))
        return; // a parked request's caller went away
    for (uint32_t i = 0; i < m_translated_count; i++) {
        Node& node = *m_translated[i];
        if (node.active_translator == name) {
            // The ports library drops the dead name itself.
            m_translated[i] = m_translated[--m_translated_count];
            node.active_translator = mach::kNullName;
            node.release();
            translator_ended();
            return;
        }
    }
}

Error FileSystem::serve(SetTranslator, const rpc::Incoming<SetTranslator>& in, rpc::Outgoing<SetTranslator>&)
{
    const rpc::Right& given = in.rights[0];
    PerOpen* peropen = peropen_of(in.payload);
    Error status = Error::none;
    Node* node = peropen ? peropen->node() : nullptr;
    const Credentials* who = peropen ? &credentials_of(*peropen) : nullptr;
    if (!node)
        status = Error::permission_denied;
    else if (!who->is_root() && who->uid != node->stat.uid)
        status = Error::permission_denied; // only the owner attaches translators
    else if ((in.body.flags & kSetActive) && node->active_translator != mach::kNullName
        && (in.body.flags & kKeepActive))
        status = Error::busy;
    else if ((in.body.flags & kSetActive) && given.name != mach::kNullName
        && given.disposition != mach::Disposition::move_send)
        status = Error::invalid_right;
    if (status == Error::none && (in.body.flags & kSetPassive)) {
        const char* command = in.body.passive.c_str();
        Result<char*> copy = command[0] ? heap::copy_text(command) : Result<char*>(static_cast<char*>(nullptr));
        status = copy.ok() ? Error::none : copy.error();
        if (copy.ok()) {
            heap::free(node->passive_translator);
            node->passive_translator = copy.value();
        }
    }
    bool keep_given = false;
    if (status == Error::none && (in.body.flags & kSetActive)) {
        detach(*node);
        if (given.name != mach::kNullName) {
            status = attach(*node, given.name);
            keep_given = status == Error::none;
        }
    }
    if (!keep_given && given.name != mach::kNullName)
        rpc::release(given);
    if (status == Error::none)
        node->stat.change_ns = now_ns();
    return status;
}

Error FileSystem::serve(GetTranslator, const rpc::Incoming<GetTranslator>& in, rpc::Outgoing<GetTranslator>& out)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen)
        return Error::permission_denied;
    const char* passive = peropen->node()->passive_translator;
    out.body.passive.set(passive ? passive : "");
    return Error::none;
}

Error FileSystem::serve(
    GetTranslatorControl, const rpc::Incoming<GetTranslatorControl>& in, rpc::Outgoing<GetTranslatorControl>& out)
{
    PerOpen* peropen = peropen_of(in.payload);
    if (!peropen)
        return Error::permission_denied;
    Node& node = *peropen->node();
    const Credentials& who = credentials_of(*peropen);
    if (!who.is_root() && who.uid != node.stat.uid)
        return Error::permission_denied;
    // A passive translator is started for its control, as the Hurd's
    // file_get_translator_cntl does (fsysopts /tmp before any lookup).
    if (node.active_translator == mach::kNullName && node.passive_translator)
        TRY_STATUS(start_passive(nullptr, nullptr, node));
    if (node.active_translator == mach::kNullName)
        return Error::not_found;
    out.rights[0] = { node.active_translator, mach::Disposition::copy_send };
    return Error::none;
}

} // namespace fs
