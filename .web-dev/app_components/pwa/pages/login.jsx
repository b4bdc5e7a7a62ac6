
import {ReflexEvent,applyEventActions,getFormData,getRefValue,getRefValues,isTrue,mergeSlotProps,refs} from "$/utils/state"
import {DocTitle} from "$/public/doc_title.jsx"
import {LANGUAGES,LANGUAGE_NAMES,setLang,useLang,useT} from "$/public/i18n.js"
import {jsx} from "@emotion/react"
import {Fragment,memo,useCallback,useEffect,useRef} from "react"
import {DeviceGate,GoTo,LocalWipe,PasskeyLogin} from "$/public/device_ui.jsx"
import {addEvents} from "$/utils/context"
import {useStateContext} from "$/utils/context-registry"








export const Doctitle_doctitle_3b24972e85eda11f823b161b672cee3f_1f137ca0 = /*#__PURE__*/ (() => {
const Doctitle_doctitle_3b24972e85eda11f823b161b672cee3f_1f137ca0 = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx(DocTitle,{...mergeSlotProps(rest, ({ text:__t("Log in") }))},)
    )
});
Doctitle_doctitle_3b24972e85eda11f823b161b672cee3f_1f137ca0.displayName = "DocTitle";
return Doctitle_doctitle_3b24972e85eda11f823b161b672cee3f_1f137ca0;
})();

export const Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_1f137ca0 = /*#__PURE__*/ (() => {
const Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_1f137ca0 = memo(({children, ...rest}) => {
    const on_proof_53aeff9041187976f2b1b94c7c54b0ce = useCallback(((_ev_0) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.prove", ({ ["signature"] : _ev_0 }), ({  })))], [_ev_0], ({  })))), [addEvents, ReflexEvent])
const reflex___state____state__pwa___state___session____session_state = useStateContext("reflex___state____state.pwa___state___session____session_state")
    return(
        jsx(DeviceGate,{...mergeSlotProps(rest, ({ nonce:reflex___state____state__pwa___state___session____session_state.device_nonce_rx_state_, onProof:on_proof_53aeff9041187976f2b1b94c7c54b0ce }))},)
    )
});
Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_1f137ca0.displayName = "DeviceGate";
return Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_1f137ca0;
})();

export const Bare_comp_bbad709d622f92b84a40e56c1e6fb877_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_bbad709d622f92b84a40e56c1e6fb877_1f137ca0 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Skip to content")
    )
});
Bare_comp_bbad709d622f92b84a40e56c1e6fb877_1f137ca0.displayName = "Bare";
return Bare_comp_bbad709d622f92b84a40e56c1e6fb877_1f137ca0;
})();

export const Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_1f137ca0 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Social insurance wallet")
    )
});
Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_1f137ca0.displayName = "Bare";
return Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_1f137ca0;
})();

export const Bare_comp_95697f1c7b6b059b58ade1458fbffc9b_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_95697f1c7b6b059b58ade1458fbffc9b_1f137ca0 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Log in")
    )
});
Bare_comp_95697f1c7b6b059b58ade1458fbffc9b_1f137ca0.displayName = "Bare";
return Bare_comp_95697f1c7b6b059b58ade1458fbffc9b_1f137ca0;
})();

export const Bare_comp_8551595a87bd9cdceca1cab96cea66fa_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_8551595a87bd9cdceca1cab96cea66fa_1f137ca0 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Language")
    )
});
Bare_comp_8551595a87bd9cdceca1cab96cea66fa_1f137ca0.displayName = "Bare";
return Bare_comp_8551595a87bd9cdceca1cab96cea66fa_1f137ca0;
})();

export const Bare_comp_b15558058a4646cb1520a83afe311077_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_b15558058a4646cb1520a83afe311077_1f137ca0 = memo(({children}) => {
    const __lang = useLang();
    return(
        LANGUAGES.map((code) => <option key={code} value={code}>{LANGUAGE_NAMES[code]}</option>)
    )
});
Bare_comp_b15558058a4646cb1520a83afe311077_1f137ca0.displayName = "Bare";
return Bare_comp_b15558058a4646cb1520a83afe311077_1f137ca0;
})();

export const Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_1f137ca0 = /*#__PURE__*/ (() => {
const Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_1f137ca0 = memo(({children, ...rest}) => {
    const ref_lang_select = useRef(null); refs["ref_lang_select"] = ref_lang_select;
const __lang = useLang();
const on_change_24091b52affa1675725f25a4e11423e6 = useCallback(((_e) => (((...args) => (((value) => setLang(value))(_e?.["target"]?.["value"], ...args)))(_e))), [addEvents, ReflexEvent, __lang])
    return(
        jsx("select",{...mergeSlotProps(rest, ({ className:"lang-select", id:"lang-select", onChange:on_change_24091b52affa1675725f25a4e11423e6, ref:ref_lang_select, value:__lang }))},children)
    )
});
Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_1f137ca0.displayName = "Select";
return Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_1f137ca0;
})();

export const Localwipe_localwipe_65be4cd01a54a89944aa69ffd1d6c2c7_1f137ca0 = /*#__PURE__*/ (() => {
const Localwipe_localwipe_65be4cd01a54a89944aa69ffd1d6c2c7_1f137ca0 = memo(({children, ...rest}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___login____login_state")
    return(
        jsx(LocalWipe,{...mergeSlotProps(rest, ({ when:reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state.wipe_rx_state_ }))},)
    )
});
Localwipe_localwipe_65be4cd01a54a89944aa69ffd1d6c2c7_1f137ca0.displayName = "LocalWipe";
return Localwipe_localwipe_65be4cd01a54a89944aa69ffd1d6c2c7_1f137ca0;
})();

export const Goto_goto_36effdf32f0c616382c2d325739d3329_1f137ca0 = /*#__PURE__*/ (() => {
const Goto_goto_36effdf32f0c616382c2d325739d3329_1f137ca0 = memo(({children, ...rest}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___login____login_state")
    return(
        jsx(GoTo,{...mergeSlotProps(rest, ({ href:reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state.go_to_rx_state_ }))},)
    )
});
Goto_goto_36effdf32f0c616382c2d325739d3329_1f137ca0.displayName = "GoTo";
return Goto_goto_36effdf32f0c616382c2d325739d3329_1f137ca0;
})();

export const Bare_comp_e6d5d95cf4bb576f3dc4b6f083a91551_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_e6d5d95cf4bb576f3dc4b6f083a91551_1f137ca0 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Your health-insurance card, contribution history and benefits, on your phone.")
    )
});
Bare_comp_e6d5d95cf4bb576f3dc4b6f083a91551_1f137ca0.displayName = "Bare";
return Bare_comp_e6d5d95cf4bb576f3dc4b6f083a91551_1f137ca0;
})();

export const Bare_comp_1424ca816e3355685dad187ac7c6a6d7_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_1424ca816e3355685dad187ac7c6a6d7_1f137ca0 = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___login____login_state")
    return(
        reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state.info_rx_state_
    )
});
Bare_comp_1424ca816e3355685dad187ac7c6a6d7_1f137ca0.displayName = "Bare";
return Bare_comp_1424ca816e3355685dad187ac7c6a6d7_1f137ca0;
})();

export const Cond_comp_e9542d7bb41c9dfcf0375bf2a65b39dc_1f137ca0 = /*#__PURE__*/ (() => {
const Cond_comp_e9542d7bb41c9dfcf0375bf2a65b39dc_1f137ca0 = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___login____login_state")
    return(
        (!((reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state.info_rx_state_?.valueOf?.() === ""?.valueOf?.()))?(children?.at?.(0)):(children?.at?.(1)))
    )
});
Cond_comp_e9542d7bb41c9dfcf0375bf2a65b39dc_1f137ca0.displayName = "Cond";
return Cond_comp_e9542d7bb41c9dfcf0375bf2a65b39dc_1f137ca0;
})();

export const Bare_comp_57bb84e7318059aaedd66d8452476b59_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_57bb84e7318059aaedd66d8452476b59_1f137ca0 = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___login____login_state")
    return(
        reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state.error_rx_state_
    )
});
Bare_comp_57bb84e7318059aaedd66d8452476b59_1f137ca0.displayName = "Bare";
return Bare_comp_57bb84e7318059aaedd66d8452476b59_1f137ca0;
})();

export const Cond_comp_d2a6ea9ea95a9e208ef8e2790e5c9822_1f137ca0 = /*#__PURE__*/ (() => {
const Cond_comp_d2a6ea9ea95a9e208ef8e2790e5c9822_1f137ca0 = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___login____login_state")
    return(
        (!((reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state.error_rx_state_?.valueOf?.() === ""?.valueOf?.()))?(children?.at?.(0)):(children?.at?.(1)))
    )
});
Cond_comp_d2a6ea9ea95a9e208ef8e2790e5c9822_1f137ca0.displayName = "Cond";
return Cond_comp_d2a6ea9ea95a9e208ef8e2790e5c9822_1f137ca0;
})();

export const Bare_comp_0297a05cafd22a1c623260343652e0cf_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_0297a05cafd22a1c623260343652e0cf_1f137ca0 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Code from the text message")
    )
});
Bare_comp_0297a05cafd22a1c623260343652e0cf_1f137ca0.displayName = "Bare";
return Bare_comp_0297a05cafd22a1c623260343652e0cf_1f137ca0;
})();

export const Bare_comp_ebbed53e8c8a337b5c2a4060d764740c_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_ebbed53e8c8a337b5c2a4060d764740c_1f137ca0 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Send a new code")
    )
});
Bare_comp_ebbed53e8c8a337b5c2a4060d764740c_1f137ca0.displayName = "Bare";
return Bare_comp_ebbed53e8c8a337b5c2a4060d764740c_1f137ca0;
})();

export const Button_button_f2db8bf881799fe900dfab49a9772c32_1f137ca0 = /*#__PURE__*/ (() => {
const Button_button_f2db8bf881799fe900dfab49a9772c32_1f137ca0 = memo(({children, ...rest}) => {
    const on_click_7f34658bb00cc464852a3fcabe1e0d45 = useCallback(((_e) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.pwa___state___login____login_state.resend", ({  }), ({  })))], [_e], ({  })))), [addEvents, ReflexEvent])
    return(
        jsx("button",{...mergeSlotProps(rest, ({ className:"btn btn-link", onClick:on_click_7f34658bb00cc464852a3fcabe1e0d45, type:"button" }))},children)
    )
});
Button_button_f2db8bf881799fe900dfab49a9772c32_1f137ca0.displayName = "Button";
return Button_button_f2db8bf881799fe900dfab49a9772c32_1f137ca0;
})();

export const Bare_comp_ac0726c8f138ec2863c4d0c56fd4b7f2_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_ac0726c8f138ec2863c4d0c56fd4b7f2_1f137ca0 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Use another code")
    )
});
Bare_comp_ac0726c8f138ec2863c4d0c56fd4b7f2_1f137ca0.displayName = "Bare";
return Bare_comp_ac0726c8f138ec2863c4d0c56fd4b7f2_1f137ca0;
})();

export const Button_button_87471567ebcdaf2a2f4a56455fd1b72c_1f137ca0 = /*#__PURE__*/ (() => {
const Button_button_87471567ebcdaf2a2f4a56455fd1b72c_1f137ca0 = memo(({children, ...rest}) => {
    const on_click_e82c91d6513b80c2758bdaa7447d7ba7 = useCallback(((_e) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.pwa___state___login____login_state.start_over", ({  }), ({  })))], [_e], ({  })))), [addEvents, ReflexEvent])
    return(
        jsx("button",{...mergeSlotProps(rest, ({ className:"btn btn-link", onClick:on_click_e82c91d6513b80c2758bdaa7447d7ba7, type:"button" }))},children)
    )
});
Button_button_87471567ebcdaf2a2f4a56455fd1b72c_1f137ca0.displayName = "Button";
return Button_button_87471567ebcdaf2a2f4a56455fd1b72c_1f137ca0;
})();

export const Form_form_b4a2fa84622f542536b476e2f56eedfc_1f137ca0 = /*#__PURE__*/ (() => {
const Form_form_b4a2fa84622f542536b476e2f56eedfc_1f137ca0 = memo(({children, ...rest}) => {
    
    const handleSubmit_0980923d39196e05582f43585756d2f9 = useCallback((ev) => {
        const $form = ev.target
        ev.preventDefault()
        const form_data = getFormData($form, ({ ["otp"] : getRefValue(refs["ref_otp"]) }));

        (((...args) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.pwa___state___login____login_state.confirm", ({ ["form"] : form_data }), ({  })))], args, ({  }))))(ev));

        if (false) {
            $form.reset()
        }
    })
    
    return(
        jsx("form",{...mergeSlotProps(rest, ({ className:"form", onSubmit:handleSubmit_0980923d39196e05582f43585756d2f9 }))},children)
    )
});
Form_form_b4a2fa84622f542536b476e2f56eedfc_1f137ca0.displayName = "Form";
return Form_form_b4a2fa84622f542536b476e2f56eedfc_1f137ca0;
})();

export const Bare_comp_3a2a9e4b351380a3e8f59da6232a4295_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_3a2a9e4b351380a3e8f59da6232a4295_1f137ca0 = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___login____login_state")
    return(
        reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state.warning_rx_state_
    )
});
Bare_comp_3a2a9e4b351380a3e8f59da6232a4295_1f137ca0.displayName = "Bare";
return Bare_comp_3a2a9e4b351380a3e8f59da6232a4295_1f137ca0;
})();

export const Bare_comp_867bd34b893220e082ad876800c40a7f_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_867bd34b893220e082ad876800c40a7f_1f137ca0 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Continue and sign out the other device")
    )
});
Bare_comp_867bd34b893220e082ad876800c40a7f_1f137ca0.displayName = "Bare";
return Bare_comp_867bd34b893220e082ad876800c40a7f_1f137ca0;
})();

export const Bare_comp_68a6ef1fdc2dced0f88076c749adfa4a_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_68a6ef1fdc2dced0f88076c749adfa4a_1f137ca0 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Cancel")
    )
});
Bare_comp_68a6ef1fdc2dced0f88076c749adfa4a_1f137ca0.displayName = "Bare";
return Bare_comp_68a6ef1fdc2dced0f88076c749adfa4a_1f137ca0;
})();

export const Form_form_bd82b6b4284bf3265f635242b72d6ded_1f137ca0 = /*#__PURE__*/ (() => {
const Form_form_bd82b6b4284bf3265f635242b72d6ded_1f137ca0 = memo(({children, ...rest}) => {
    
    const handleSubmit_2d80f66085eaac14897e5991cb8d2663 = useCallback((ev) => {
        const $form = ev.target
        ev.preventDefault()
        const form_data = getFormData($form, ({  }));

        (((...args) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.pwa___state___login____login_state.confirm_move", ({ ["form"] : form_data }), ({  })))], args, ({  }))))(ev));

        if (false) {
            $form.reset()
        }
    })
    
    return(
        jsx("form",{...mergeSlotProps(rest, ({ className:"form", onSubmit:handleSubmit_2d80f66085eaac14897e5991cb8d2663 }))},children)
    )
});
Form_form_bd82b6b4284bf3265f635242b72d6ded_1f137ca0.displayName = "Form";
return Form_form_bd82b6b4284bf3265f635242b72d6ded_1f137ca0;
})();

export const Bare_comp_be26c6dd782533e75bd10392a10b372a_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_be26c6dd782533e75bd10392a10b372a_1f137ca0 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Social-insurance code")
    )
});
Bare_comp_be26c6dd782533e75bd10392a10b372a_1f137ca0.displayName = "Bare";
return Bare_comp_be26c6dd782533e75bd10392a10b372a_1f137ca0;
})();

export const Input_input_25037c8dbeb876a4883f629f8a06abb4_1f137ca0 = /*#__PURE__*/ (() => {
const Input_input_25037c8dbeb876a4883f629f8a06abb4_1f137ca0 = memo(({children, ...rest}) => {
    const ref_code = useRef(null); refs["ref_code"] = ref_code;
const reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___login____login_state")
    return(
        jsx("input",{...mergeSlotProps(rest, ({ "aria-describedby":"code-hint", autoComplete:"username webauthn", className:"input", defaultValue:reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state.code_rx_state_, id:"code", inputMode:"numeric", maxLength:20, name:"code", placeholder:"0123456789", ref:ref_code, required:true, type:"text" }))},)
    )
});
Input_input_25037c8dbeb876a4883f629f8a06abb4_1f137ca0.displayName = "Input";
return Input_input_25037c8dbeb876a4883f629f8a06abb4_1f137ca0;
})();

export const Bare_comp_06b0c672726c4370e451cd4bde84bb73_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_06b0c672726c4370e451cd4bde84bb73_1f137ca0 = memo(({children}) => {
    const __t = useT();
    return(
        __t("The 10 digits on your card. An old 15-character card number or your 12-digit personal ID number also work.")
    )
});
Bare_comp_06b0c672726c4370e451cd4bde84bb73_1f137ca0.displayName = "Bare";
return Bare_comp_06b0c672726c4370e451cd4bde84bb73_1f137ca0;
})();

export const Bare_comp_3c3da73d0c19af7ed5e1123cfbdaaf97_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_3c3da73d0c19af7ed5e1123cfbdaaf97_1f137ca0 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Send me a code")
    )
});
Bare_comp_3c3da73d0c19af7ed5e1123cfbdaaf97_1f137ca0.displayName = "Bare";
return Bare_comp_3c3da73d0c19af7ed5e1123cfbdaaf97_1f137ca0;
})();

export const Form_form_6c234cef0ca27598bd6cc711a07ebdf8_1f137ca0 = /*#__PURE__*/ (() => {
const Form_form_6c234cef0ca27598bd6cc711a07ebdf8_1f137ca0 = memo(({children, ...rest}) => {
    
    const handleSubmit_a38729bc482017da19dcb976f034429b = useCallback((ev) => {
        const $form = ev.target
        ev.preventDefault()
        const form_data = getFormData($form, ({ ["code"] : getRefValue(refs["ref_code"]) }));

        (((...args) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.pwa___state___login____login_state.send_code", ({ ["form"] : form_data }), ({  })))], args, ({  }))))(ev));

        if (false) {
            $form.reset()
        }
    })
    
    return(
        jsx("form",{...mergeSlotProps(rest, ({ className:"form", onSubmit:handleSubmit_a38729bc482017da19dcb976f034429b }))},children)
    )
});
Form_form_6c234cef0ca27598bd6cc711a07ebdf8_1f137ca0.displayName = "Form";
return Form_form_6c234cef0ca27598bd6cc711a07ebdf8_1f137ca0;
})();

export const Match_comp_11c34831a017e91027bf3801a614911c_1f137ca0 = /*#__PURE__*/ (() => {
const Match_comp_11c34831a017e91027bf3801a614911c_1f137ca0 = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___login____login_state")
    return(
        (() => {
  switch (JSON.stringify(reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state.step_rx_state_)) {
    case JSON.stringify("otp"):
      return children?.at?.(0);
      break;
    case JSON.stringify("move"):
      return children?.at?.(1);
      break;
    default:
      return children?.at?.(2);
      break;
  }
})()
    )
});
Match_comp_11c34831a017e91027bf3801a614911c_1f137ca0.displayName = "Match";
return Match_comp_11c34831a017e91027bf3801a614911c_1f137ca0;
})();

export const Passkeylogin_passkeylogin_b27461fd865bacf3665402f8e19c979f_1f137ca0 = /*#__PURE__*/ (() => {
const Passkeylogin_passkeylogin_b27461fd865bacf3665402f8e19c979f_1f137ca0 = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx(PasskeyLogin,{...mergeSlotProps(rest, ({ divider:__t("or"), label:__t("Log in with a passkey") }))},)
    )
});
Passkeylogin_passkeylogin_b27461fd865bacf3665402f8e19c979f_1f137ca0.displayName = "PasskeyLogin";
return Passkeylogin_passkeylogin_b27461fd865bacf3665402f8e19c979f_1f137ca0;
})();

export const Cond_comp_d09815a30b3a6e52750d9abbe40a8ffc_1f137ca0 = /*#__PURE__*/ (() => {
const Cond_comp_d09815a30b3a6e52750d9abbe40a8ffc_1f137ca0 = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___login____login_state")
    return(
        ((reflex___state____state__pwa___state___session____session_state__pwa___state___login____login_state.step_rx_state_?.valueOf?.() === "code"?.valueOf?.())?(children?.at?.(0)):(children?.at?.(1)))
    )
});
Cond_comp_d09815a30b3a6e52750d9abbe40a8ffc_1f137ca0.displayName = "Cond";
return Cond_comp_d09815a30b3a6e52750d9abbe40a8ffc_1f137ca0;
})();

export const Bare_comp_f963e44ecec909643f5f653cd2e9a2c9_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_f963e44ecec909643f5f653cd2e9a2c9_1f137ca0 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Forgot your code?")
    )
});
Bare_comp_f963e44ecec909643f5f653cd2e9a2c9_1f137ca0.displayName = "Bare";
return Bare_comp_f963e44ecec909643f5f653cd2e9a2c9_1f137ca0;
})();

export const Bare_comp_fce023f4d3e634001d12f8bfb66f4de5_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_fce023f4d3e634001d12f8bfb66f4de5_1f137ca0 = memo(({children}) => {
    const __t = useT();
    return(
        __t("Find it under Look-ups")
    )
});
Bare_comp_fce023f4d3e634001d12f8bfb66f4de5_1f137ca0.displayName = "Bare";
return Bare_comp_fce023f4d3e634001d12f8bfb66f4de5_1f137ca0;
})();

export const Bare_comp_58e3f160b82ae933080dc14bb7272f4c_1f137ca0 = /*#__PURE__*/ (() => {
const Bare_comp_58e3f160b82ae933080dc14bb7272f4c_1f137ca0 = memo(({children}) => {
    const __t = useT();
    return(
        __t("BHXH will never ask for your code by phone. Hotline 1900 9068.")
    )
});
Bare_comp_58e3f160b82ae933080dc14bb7272f4c_1f137ca0.displayName = "Bare";
return Bare_comp_58e3f160b82ae933080dc14bb7272f4c_1f137ca0;
})();
