
import {ReflexEvent,applyEventActions,isTrue,mergeSlotProps,refs} from "$/utils/state"
import {DocTitle} from "$/public/doc_title.jsx"
import {LANGUAGES,LANGUAGE_NAMES,setLang,useLang,useT} from "$/public/i18n.js"
import {jsx} from "@emotion/react"
import {Fragment,memo,useCallback,useEffect,useRef} from "react"
import {DeviceGate,LogoutButton} from "$/public/device_ui.jsx"
import {addEvents} from "$/utils/context"
import {useStateContext} from "$/utils/context-registry"








export const Doctitle_doctitle_de9a1beb9c3e01162816a49ae2b38e2f_6158f6ed = /*#__PURE__*/ (() => {
const Doctitle_doctitle_de9a1beb9c3e01162816a49ae2b38e2f_6158f6ed = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx(DocTitle,{...mergeSlotProps(rest, ({ text:__t("Profile") }))},)
    )
});
Doctitle_doctitle_de9a1beb9c3e01162816a49ae2b38e2f_6158f6ed.displayName = "DocTitle";
return Doctitle_doctitle_de9a1beb9c3e01162816a49ae2b38e2f_6158f6ed;
})();

export const Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_6158f6ed = /*#__PURE__*/ (() => {
const Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_6158f6ed = memo(({children, ...rest}) => {
    const on_proof_53aeff9041187976f2b1b94c7c54b0ce = useCallback(((_ev_0) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.prove", ({ ["signature"] : _ev_0 }), ({  })))], [_ev_0], ({  })))), [addEvents, ReflexEvent])
const reflex___state____state__pwa___state___session____session_state = useStateContext("reflex___state____state.pwa___state___session____session_state")
    return(
        jsx(DeviceGate,{...mergeSlotProps(rest, ({ nonce:reflex___state____state__pwa___state___session____session_state.device_nonce_rx_state_, onProof:on_proof_53aeff9041187976f2b1b94c7c54b0ce }))},)
    )
});
Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_6158f6ed.displayName = "DeviceGate";
return Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_6158f6ed;
})();

export const Bare_comp_bbad709d622f92b84a40e56c1e6fb877_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_bbad709d622f92b84a40e56c1e6fb877_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Skip to content")
    )
});
Bare_comp_bbad709d622f92b84a40e56c1e6fb877_6158f6ed.displayName = "Bare";
return Bare_comp_bbad709d622f92b84a40e56c1e6fb877_6158f6ed;
})();

export const Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Social insurance wallet")
    )
});
Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_6158f6ed.displayName = "Bare";
return Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_6158f6ed;
})();

export const Bare_comp_2ac9660884b2210868fcbd9599287c23_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_2ac9660884b2210868fcbd9599287c23_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Profile")
    )
});
Bare_comp_2ac9660884b2210868fcbd9599287c23_6158f6ed.displayName = "Bare";
return Bare_comp_2ac9660884b2210868fcbd9599287c23_6158f6ed;
})();

export const Bare_comp_8551595a87bd9cdceca1cab96cea66fa_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_8551595a87bd9cdceca1cab96cea66fa_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Language")
    )
});
Bare_comp_8551595a87bd9cdceca1cab96cea66fa_6158f6ed.displayName = "Bare";
return Bare_comp_8551595a87bd9cdceca1cab96cea66fa_6158f6ed;
})();

export const Bare_comp_b15558058a4646cb1520a83afe311077_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_b15558058a4646cb1520a83afe311077_6158f6ed = memo(({children}) => {
    const __lang = useLang();
    return(
        LANGUAGES.map((code) => <option key={code} value={code}>{LANGUAGE_NAMES[code]}</option>)
    )
});
Bare_comp_b15558058a4646cb1520a83afe311077_6158f6ed.displayName = "Bare";
return Bare_comp_b15558058a4646cb1520a83afe311077_6158f6ed;
})();

export const Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_6158f6ed = /*#__PURE__*/ (() => {
const Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_6158f6ed = memo(({children, ...rest}) => {
    const ref_lang_select = useRef(null); refs["ref_lang_select"] = ref_lang_select;
const __lang = useLang();
const on_change_24091b52affa1675725f25a4e11423e6 = useCallback(((_e) => (((...args) => (((value) => setLang(value))(_e?.["target"]?.["value"], ...args)))(_e))), [addEvents, ReflexEvent, __lang])
    return(
        jsx("select",{...mergeSlotProps(rest, ({ className:"lang-select", id:"lang-select", onChange:on_change_24091b52affa1675725f25a4e11423e6, ref:ref_lang_select, value:__lang }))},children)
    )
});
Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_6158f6ed.displayName = "Select";
return Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_6158f6ed;
})();

export const Bare_comp_d59d52deeb71b27a173fa63afa54e5ff_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_d59d52deeb71b27a173fa63afa54e5ff_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Personal details")
    )
});
Bare_comp_d59d52deeb71b27a173fa63afa54e5ff_6158f6ed.displayName = "Bare";
return Bare_comp_d59d52deeb71b27a173fa63afa54e5ff_6158f6ed;
})();

export const Bare_comp_1fe45ce0aca7f3592acfda29db290efe_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_1fe45ce0aca7f3592acfda29db290efe_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Full name")
    )
});
Bare_comp_1fe45ce0aca7f3592acfda29db290efe_6158f6ed.displayName = "Bare";
return Bare_comp_1fe45ce0aca7f3592acfda29db290efe_6158f6ed;
})();

export const Bare_comp_8b17f4dc8fa55665544146ff637ac02e_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_8b17f4dc8fa55665544146ff637ac02e_6158f6ed = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____profile_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____profile_state")
    return(
        reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____profile_state.profile_rx_state_?.["full_name"]
    )
});
Bare_comp_8b17f4dc8fa55665544146ff637ac02e_6158f6ed.displayName = "Bare";
return Bare_comp_8b17f4dc8fa55665544146ff637ac02e_6158f6ed;
})();

export const Bare_comp_be26c6dd782533e75bd10392a10b372a_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_be26c6dd782533e75bd10392a10b372a_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Social-insurance code")
    )
});
Bare_comp_be26c6dd782533e75bd10392a10b372a_6158f6ed.displayName = "Bare";
return Bare_comp_be26c6dd782533e75bd10392a10b372a_6158f6ed;
})();

export const Bare_comp_bf5be7f96833276ccbeea5db816a916d_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_bf5be7f96833276ccbeea5db816a916d_6158f6ed = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____profile_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____profile_state")
    return(
        reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____profile_state.profile_rx_state_?.["code"]
    )
});
Bare_comp_bf5be7f96833276ccbeea5db816a916d_6158f6ed.displayName = "Bare";
return Bare_comp_bf5be7f96833276ccbeea5db816a916d_6158f6ed;
})();

export const Bare_comp_f93169f3186786d57308147e966cdac1_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_f93169f3186786d57308147e966cdac1_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Date of birth")
    )
});
Bare_comp_f93169f3186786d57308147e966cdac1_6158f6ed.displayName = "Bare";
return Bare_comp_f93169f3186786d57308147e966cdac1_6158f6ed;
})();

export const Bare_comp_2c41c5d5505320e3a051cff870ce9b90_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_2c41c5d5505320e3a051cff870ce9b90_6158f6ed = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____profile_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____profile_state")
    return(
        reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____profile_state.profile_rx_state_?.["dob"]
    )
});
Bare_comp_2c41c5d5505320e3a051cff870ce9b90_6158f6ed.displayName = "Bare";
return Bare_comp_2c41c5d5505320e3a051cff870ce9b90_6158f6ed;
})();

export const Bare_comp_257232b3f22f97579e84f3bb2e7d8949_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_257232b3f22f97579e84f3bb2e7d8949_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Sex")
    )
});
Bare_comp_257232b3f22f97579e84f3bb2e7d8949_6158f6ed.displayName = "Bare";
return Bare_comp_257232b3f22f97579e84f3bb2e7d8949_6158f6ed;
})();

export const Bare_comp_47dc8e940e06be8dd33a169d692cf461_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_47dc8e940e06be8dd33a169d692cf461_6158f6ed = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____profile_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____profile_state")
    return(
        reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____profile_state.profile_rx_state_?.["sex"]
    )
});
Bare_comp_47dc8e940e06be8dd33a169d692cf461_6158f6ed.displayName = "Bare";
return Bare_comp_47dc8e940e06be8dd33a169d692cf461_6158f6ed;
})();

export const Bare_comp_e48032871c420f00e47af0abf157d782_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_e48032871c420f00e47af0abf157d782_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Personal ID number")
    )
});
Bare_comp_e48032871c420f00e47af0abf157d782_6158f6ed.displayName = "Bare";
return Bare_comp_e48032871c420f00e47af0abf157d782_6158f6ed;
})();

export const Bare_comp_43b1fc28e4d6fd187be79bd9d2b1b72e_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_43b1fc28e4d6fd187be79bd9d2b1b72e_6158f6ed = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____profile_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____profile_state")
    return(
        reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____profile_state.profile_rx_state_?.["citizen_id"]
    )
});
Bare_comp_43b1fc28e4d6fd187be79bd9d2b1b72e_6158f6ed.displayName = "Bare";
return Bare_comp_43b1fc28e4d6fd187be79bd9d2b1b72e_6158f6ed;
})();

export const Bare_comp_35f28b0252a99daf9069b1ca035cc248_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_35f28b0252a99daf9069b1ca035cc248_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Registered phone")
    )
});
Bare_comp_35f28b0252a99daf9069b1ca035cc248_6158f6ed.displayName = "Bare";
return Bare_comp_35f28b0252a99daf9069b1ca035cc248_6158f6ed;
})();

export const Bare_comp_463ed25299f956c0741e86c775f644a6_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_463ed25299f956c0741e86c775f644a6_6158f6ed = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____profile_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____profile_state")
    return(
        reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____profile_state.profile_rx_state_?.["phone"]
    )
});
Bare_comp_463ed25299f956c0741e86c775f644a6_6158f6ed.displayName = "Bare";
return Bare_comp_463ed25299f956c0741e86c775f644a6_6158f6ed;
})();

export const Bare_comp_e0c95d0f4b002a52dea428f69feadfc8_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_e0c95d0f4b002a52dea428f69feadfc8_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Address")
    )
});
Bare_comp_e0c95d0f4b002a52dea428f69feadfc8_6158f6ed.displayName = "Bare";
return Bare_comp_e0c95d0f4b002a52dea428f69feadfc8_6158f6ed;
})();

export const Bare_comp_9adfdc6b6e5a44ff271fba253eb60d2c_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_9adfdc6b6e5a44ff271fba253eb60d2c_6158f6ed = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____profile_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____profile_state")
    return(
        reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____profile_state.profile_rx_state_?.["address"]
    )
});
Bare_comp_9adfdc6b6e5a44ff271fba253eb60d2c_6158f6ed.displayName = "Bare";
return Bare_comp_9adfdc6b6e5a44ff271fba253eb60d2c_6158f6ed;
})();

export const Bare_comp_5af93fdac7c52393411b554512734664_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_5af93fdac7c52393411b554512734664_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Province")
    )
});
Bare_comp_5af93fdac7c52393411b554512734664_6158f6ed.displayName = "Bare";
return Bare_comp_5af93fdac7c52393411b554512734664_6158f6ed;
})();

export const Bare_comp_ad0e1d358368e54783b2819959a09e59_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_ad0e1d358368e54783b2819959a09e59_6158f6ed = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____profile_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___records____records_state.pwa___state___records____profile_state")
    return(
        reflex___state____state__pwa___state___session____session_state__pwa___state___records____records_state__pwa___state___records____profile_state.profile_rx_state_?.["province"]
    )
});
Bare_comp_ad0e1d358368e54783b2819959a09e59_6158f6ed.displayName = "Bare";
return Bare_comp_ad0e1d358368e54783b2819959a09e59_6158f6ed;
})();

export const Bare_comp_ca90d31b7828832e2a15e710f2ad5ad2_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_ca90d31b7828832e2a15e710f2ad5ad2_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Devices and security")
    )
});
Bare_comp_ca90d31b7828832e2a15e710f2ad5ad2_6158f6ed.displayName = "Bare";
return Bare_comp_ca90d31b7828832e2a15e710f2ad5ad2_6158f6ed;
})();

export const Bare_comp_e6e30c229b8ed3c5d0266accb4d33420_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_e6e30c229b8ed3c5d0266accb4d33420_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Help")
    )
});
Bare_comp_e6e30c229b8ed3c5d0266accb4d33420_6158f6ed.displayName = "Bare";
return Bare_comp_e6e30c229b8ed3c5d0266accb4d33420_6158f6ed;
})();

export const Bare_comp_24d845dbebb7a2fa4c712c4e73d48cd9_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_24d845dbebb7a2fa4c712c4e73d48cd9_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Hotline 1900 9068, every day. BHXH staff never ask for your login code.")
    )
});
Bare_comp_24d845dbebb7a2fa4c712c4e73d48cd9_6158f6ed.displayName = "Bare";
return Bare_comp_24d845dbebb7a2fa4c712c4e73d48cd9_6158f6ed;
})();

export const Logoutbutton_logoutbutton_97198ad5be47b3cc498486891f5ba9e9_6158f6ed = /*#__PURE__*/ (() => {
const Logoutbutton_logoutbutton_97198ad5be47b3cc498486891f5ba9e9_6158f6ed = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx(LogoutButton,{...mergeSlotProps(rest, ({ label:__t("Log out") }))},)
    )
});
Logoutbutton_logoutbutton_97198ad5be47b3cc498486891f5ba9e9_6158f6ed.displayName = "LogoutButton";
return Logoutbutton_logoutbutton_97198ad5be47b3cc498486891f5ba9e9_6158f6ed;
})();

export const Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Home")
    )
});
Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_6158f6ed.displayName = "Bare";
return Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_6158f6ed;
})();

export const Bare_comp_c81839c1da5da9830202f435139fd3a2_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_c81839c1da5da9830202f435139fd3a2_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Card")
    )
});
Bare_comp_c81839c1da5da9830202f435139fd3a2_6158f6ed.displayName = "Bare";
return Bare_comp_c81839c1da5da9830202f435139fd3a2_6158f6ed;
})();

export const Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("History")
    )
});
Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_6158f6ed.displayName = "Bare";
return Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_6158f6ed;
})();

export const Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_6158f6ed = /*#__PURE__*/ (() => {
const Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_6158f6ed = memo(({children}) => {
    const __t = useT();
    return(
        __t("Look-ups")
    )
});
Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_6158f6ed.displayName = "Bare";
return Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_6158f6ed;
})();

export const Nav_nav_786403967867f586857bf3561239637b_6158f6ed = /*#__PURE__*/ (() => {
const Nav_nav_786403967867f586857bf3561239637b_6158f6ed = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx("nav",{...mergeSlotProps(rest, ({ "aria-label":__t("Main"), className:"bottomnav" }))},children)
    )
});
Nav_nav_786403967867f586857bf3561239637b_6158f6ed.displayName = "Nav";
return Nav_nav_786403967867f586857bf3561239637b_6158f6ed;
})();
