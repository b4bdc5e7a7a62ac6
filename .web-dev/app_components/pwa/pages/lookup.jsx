
import {ReflexEvent,applyEventActions,getFormData,getRefValue,getRefValues,isTrue,mergeSlotProps,refs} from "$/utils/state"
import {DocTitle} from "$/public/doc_title.jsx"
import {LANGUAGES,LANGUAGE_NAMES,setLang,useLang,useT} from "$/public/i18n.js"
import {jsx} from "@emotion/react"
import {Fragment,memo,useCallback,useEffect,useRef} from "react"
import {DeviceGate} from "$/public/device_ui.jsx"
import {addEvents} from "$/utils/context"
import {useStateContext} from "$/utils/context-registry"
import {Link as ReactRouterLink} from "react-router"








export const Doctitle_doctitle_ed8e069bcc887f586e2cea33d31a2272_efedaf8b = /*#__PURE__*/ (() => {
const Doctitle_doctitle_ed8e069bcc887f586e2cea33d31a2272_efedaf8b = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx(DocTitle,{...mergeSlotProps(rest, ({ text:__t("Look-ups") }))},)
    )
});
Doctitle_doctitle_ed8e069bcc887f586e2cea33d31a2272_efedaf8b.displayName = "DocTitle";
return Doctitle_doctitle_ed8e069bcc887f586e2cea33d31a2272_efedaf8b;
})();

export const Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_efedaf8b = /*#__PURE__*/ (() => {
const Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_efedaf8b = memo(({children, ...rest}) => {
    const on_proof_53aeff9041187976f2b1b94c7c54b0ce = useCallback(((_ev_0) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.prove", ({ ["signature"] : _ev_0 }), ({  })))], [_ev_0], ({  })))), [addEvents, ReflexEvent])
const reflex___state____state__pwa___state___session____session_state = useStateContext("reflex___state____state.pwa___state___session____session_state")
    return(
        jsx(DeviceGate,{...mergeSlotProps(rest, ({ nonce:reflex___state____state__pwa___state___session____session_state.device_nonce_rx_state_, onProof:on_proof_53aeff9041187976f2b1b94c7c54b0ce }))},)
    )
});
Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_efedaf8b.displayName = "DeviceGate";
return Devicegate_devicegate_00f9bc11e462bbf9218b06f11ab90e61_efedaf8b;
})();

export const Bare_comp_bbad709d622f92b84a40e56c1e6fb877_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_bbad709d622f92b84a40e56c1e6fb877_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Skip to content")
    )
});
Bare_comp_bbad709d622f92b84a40e56c1e6fb877_efedaf8b.displayName = "Bare";
return Bare_comp_bbad709d622f92b84a40e56c1e6fb877_efedaf8b;
})();

export const Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Social insurance wallet")
    )
});
Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_efedaf8b.displayName = "Bare";
return Bare_comp_4e15d4827b66774d30554d3e20ff9a9f_efedaf8b;
})();

export const Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Look-ups")
    )
});
Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_efedaf8b.displayName = "Bare";
return Bare_comp_4d8859bc5392d9f50bef2e8ad729e6e5_efedaf8b;
})();

export const Bare_comp_8551595a87bd9cdceca1cab96cea66fa_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_8551595a87bd9cdceca1cab96cea66fa_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Language")
    )
});
Bare_comp_8551595a87bd9cdceca1cab96cea66fa_efedaf8b.displayName = "Bare";
return Bare_comp_8551595a87bd9cdceca1cab96cea66fa_efedaf8b;
})();

export const Bare_comp_b15558058a4646cb1520a83afe311077_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_b15558058a4646cb1520a83afe311077_efedaf8b = memo(({children}) => {
    const __lang = useLang();
    return(
        LANGUAGES.map((code) => <option key={code} value={code}>{LANGUAGE_NAMES[code]}</option>)
    )
});
Bare_comp_b15558058a4646cb1520a83afe311077_efedaf8b.displayName = "Bare";
return Bare_comp_b15558058a4646cb1520a83afe311077_efedaf8b;
})();

export const Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_efedaf8b = /*#__PURE__*/ (() => {
const Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_efedaf8b = memo(({children, ...rest}) => {
    const ref_lang_select = useRef(null); refs["ref_lang_select"] = ref_lang_select;
const __lang = useLang();
const on_change_24091b52affa1675725f25a4e11423e6 = useCallback(((_e) => (((...args) => (((value) => setLang(value))(_e?.["target"]?.["value"], ...args)))(_e))), [addEvents, ReflexEvent, __lang])
    return(
        jsx("select",{...mergeSlotProps(rest, ({ className:"lang-select", id:"lang-select", onChange:on_change_24091b52affa1675725f25a4e11423e6, ref:ref_lang_select, value:__lang }))},children)
    )
});
Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_efedaf8b.displayName = "Select";
return Select_select_b7f33e6ff1f7f0cfeac3292fa8f54604_efedaf8b;
})();

export const Bare_comp_0d7255fed4b411819dcaaec597d9f366_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_0d7255fed4b411819dcaaec597d9f366_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Clinics")
    )
});
Bare_comp_0d7255fed4b411819dcaaec597d9f366_efedaf8b.displayName = "Bare";
return Bare_comp_0d7255fed4b411819dcaaec597d9f366_efedaf8b;
})();

export const Button_button_b03b920e6ffc8b3abb4a118486435267_efedaf8b = /*#__PURE__*/ (() => {
const Button_button_b03b920e6ffc8b3abb4a118486435267_efedaf8b = memo(({children, ...rest}) => {
    const on_click_eb16efb3ff0af99bbbbf4c0ce208d509 = useCallback(((_e) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state.set_kind", ({ ["kind"] : "facilities" }), ({  })))], [_e], ({  })))), [addEvents, ReflexEvent])
const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        jsx("button",{...mergeSlotProps(rest, ({ "aria-selected":(reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.kind_rx_state_?.valueOf?.() === "facilities"?.valueOf?.()), className:((reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.kind_rx_state_?.valueOf?.() === "facilities"?.valueOf?.()) ? "chip active" : "chip"), onClick:on_click_eb16efb3ff0af99bbbbf4c0ce208d509, role:"tab", type:"button" }))},children)
    )
});
Button_button_b03b920e6ffc8b3abb4a118486435267_efedaf8b.displayName = "Button";
return Button_button_b03b920e6ffc8b3abb4a118486435267_efedaf8b;
})();

export const Bare_comp_d4990847c5fd69df5485696c316aa089_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_d4990847c5fd69df5485696c316aa089_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Agencies")
    )
});
Bare_comp_d4990847c5fd69df5485696c316aa089_efedaf8b.displayName = "Bare";
return Bare_comp_d4990847c5fd69df5485696c316aa089_efedaf8b;
})();

export const Button_button_297e9caff490250e31a7be00dc04ccc9_efedaf8b = /*#__PURE__*/ (() => {
const Button_button_297e9caff490250e31a7be00dc04ccc9_efedaf8b = memo(({children, ...rest}) => {
    const on_click_8034c46eb7cfb8512f0f3eac97518064 = useCallback(((_e) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state.set_kind", ({ ["kind"] : "agencies" }), ({  })))], [_e], ({  })))), [addEvents, ReflexEvent])
const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        jsx("button",{...mergeSlotProps(rest, ({ "aria-selected":(reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.kind_rx_state_?.valueOf?.() === "agencies"?.valueOf?.()), className:((reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.kind_rx_state_?.valueOf?.() === "agencies"?.valueOf?.()) ? "chip active" : "chip"), onClick:on_click_8034c46eb7cfb8512f0f3eac97518064, role:"tab", type:"button" }))},children)
    )
});
Button_button_297e9caff490250e31a7be00dc04ccc9_efedaf8b.displayName = "Button";
return Button_button_297e9caff490250e31a7be00dc04ccc9_efedaf8b;
})();

export const Bare_comp_36dfa6ac0df2908c3fdd154f5071cd9f_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_36dfa6ac0df2908c3fdd154f5071cd9f_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Employers")
    )
});
Bare_comp_36dfa6ac0df2908c3fdd154f5071cd9f_efedaf8b.displayName = "Bare";
return Bare_comp_36dfa6ac0df2908c3fdd154f5071cd9f_efedaf8b;
})();

export const Button_button_45df47379978f9d47e0589454db8eeb7_efedaf8b = /*#__PURE__*/ (() => {
const Button_button_45df47379978f9d47e0589454db8eeb7_efedaf8b = memo(({children, ...rest}) => {
    const on_click_3965ece57279eda5a600ac4de8a70b40 = useCallback(((_e) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state.set_kind", ({ ["kind"] : "employers" }), ({  })))], [_e], ({  })))), [addEvents, ReflexEvent])
const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        jsx("button",{...mergeSlotProps(rest, ({ "aria-selected":(reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.kind_rx_state_?.valueOf?.() === "employers"?.valueOf?.()), className:((reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.kind_rx_state_?.valueOf?.() === "employers"?.valueOf?.()) ? "chip active" : "chip"), onClick:on_click_3965ece57279eda5a600ac4de8a70b40, role:"tab", type:"button" }))},children)
    )
});
Button_button_45df47379978f9d47e0589454db8eeb7_efedaf8b.displayName = "Button";
return Button_button_45df47379978f9d47e0589454db8eeb7_efedaf8b;
})();

export const Bare_comp_2c36aa35e5cdc9894eec91d7a1eb0823_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_2c36aa35e5cdc9894eec91d7a1eb0823_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Collection agents")
    )
});
Bare_comp_2c36aa35e5cdc9894eec91d7a1eb0823_efedaf8b.displayName = "Bare";
return Bare_comp_2c36aa35e5cdc9894eec91d7a1eb0823_efedaf8b;
})();

export const Button_button_c4a88cc391f336357c2c014556c86386_efedaf8b = /*#__PURE__*/ (() => {
const Button_button_c4a88cc391f336357c2c014556c86386_efedaf8b = memo(({children, ...rest}) => {
    const on_click_94da5cf43eb07b55ee5af15e6fb4bb3e = useCallback(((_e) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state.set_kind", ({ ["kind"] : "agents" }), ({  })))], [_e], ({  })))), [addEvents, ReflexEvent])
const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        jsx("button",{...mergeSlotProps(rest, ({ "aria-selected":(reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.kind_rx_state_?.valueOf?.() === "agents"?.valueOf?.()), className:((reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.kind_rx_state_?.valueOf?.() === "agents"?.valueOf?.()) ? "chip active" : "chip"), onClick:on_click_94da5cf43eb07b55ee5af15e6fb4bb3e, role:"tab", type:"button" }))},children)
    )
});
Button_button_c4a88cc391f336357c2c014556c86386_efedaf8b.displayName = "Button";
return Button_button_c4a88cc391f336357c2c014556c86386_efedaf8b;
})();

export const Bare_comp_da6aa95659d1e624b8ebd4bf123b9af3_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_da6aa95659d1e624b8ebd4bf123b9af3_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("My code")
    )
});
Bare_comp_da6aa95659d1e624b8ebd4bf123b9af3_efedaf8b.displayName = "Bare";
return Bare_comp_da6aa95659d1e624b8ebd4bf123b9af3_efedaf8b;
})();

export const Button_button_2b165e7696b602874a11a229a316d4e2_efedaf8b = /*#__PURE__*/ (() => {
const Button_button_2b165e7696b602874a11a229a316d4e2_efedaf8b = memo(({children, ...rest}) => {
    const on_click_6efa7f3b6aa03bd65bc4d02bdd04c867 = useCallback(((_e) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state.set_kind", ({ ["kind"] : "code" }), ({  })))], [_e], ({  })))), [addEvents, ReflexEvent])
const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        jsx("button",{...mergeSlotProps(rest, ({ "aria-selected":(reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.kind_rx_state_?.valueOf?.() === "code"?.valueOf?.()), className:((reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.kind_rx_state_?.valueOf?.() === "code"?.valueOf?.()) ? "chip active" : "chip"), onClick:on_click_6efa7f3b6aa03bd65bc4d02bdd04c867, role:"tab", type:"button" }))},children)
    )
});
Button_button_2b165e7696b602874a11a229a316d4e2_efedaf8b.displayName = "Button";
return Button_button_2b165e7696b602874a11a229a316d4e2_efedaf8b;
})();

export const Bare_comp_e9fd9a5aacc7a79c3ae186ec3af59dc2_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_e9fd9a5aacc7a79c3ae186ec3af59dc2_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Find my social-insurance code")
    )
});
Bare_comp_e9fd9a5aacc7a79c3ae186ec3af59dc2_efedaf8b.displayName = "Bare";
return Bare_comp_e9fd9a5aacc7a79c3ae186ec3af59dc2_efedaf8b;
})();

export const Bare_comp_1fe45ce0aca7f3592acfda29db290efe_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_1fe45ce0aca7f3592acfda29db290efe_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Full name")
    )
});
Bare_comp_1fe45ce0aca7f3592acfda29db290efe_efedaf8b.displayName = "Bare";
return Bare_comp_1fe45ce0aca7f3592acfda29db290efe_efedaf8b;
})();

export const Bare_comp_f93169f3186786d57308147e966cdac1_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_f93169f3186786d57308147e966cdac1_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Date of birth")
    )
});
Bare_comp_f93169f3186786d57308147e966cdac1_efedaf8b.displayName = "Bare";
return Bare_comp_f93169f3186786d57308147e966cdac1_efedaf8b;
})();

export const Bare_comp_5af93fdac7c52393411b554512734664_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_5af93fdac7c52393411b554512734664_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Province")
    )
});
Bare_comp_5af93fdac7c52393411b554512734664_efedaf8b.displayName = "Bare";
return Bare_comp_5af93fdac7c52393411b554512734664_efedaf8b;
})();

export const Bare_comp_618991020584b40ef82775ede085e9d4_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_618991020584b40ef82775ede085e9d4_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("All provinces")
    )
});
Bare_comp_618991020584b40ef82775ede085e9d4_efedaf8b.displayName = "Bare";
return Bare_comp_618991020584b40ef82775ede085e9d4_efedaf8b;
})();

export const Foreach_comp_3cc5ed7b32018a8b17a92149fa8604d7_efedaf8b = /*#__PURE__*/ (() => {
const Foreach_comp_3cc5ed7b32018a8b17a92149fa8604d7_efedaf8b = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        Array.prototype.map.call(reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.provinces_rx_state_ ?? [],((p_rx_state_,index_fec06adf9ddafe2fd5341a2d3acb5a01)=>(jsx("option",{key:index_fec06adf9ddafe2fd5341a2d3acb5a01,value:p_rx_state_?.["code"]},p_rx_state_?.["name"]))))
    )
});
Foreach_comp_3cc5ed7b32018a8b17a92149fa8604d7_efedaf8b.displayName = "Foreach";
return Foreach_comp_3cc5ed7b32018a8b17a92149fa8604d7_efedaf8b;
})();

export const Bare_comp_ef1e84f7c66fb0ad858fab8b47e72d4b_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_ef1e84f7c66fb0ad858fab8b47e72d4b_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Find")
    )
});
Bare_comp_ef1e84f7c66fb0ad858fab8b47e72d4b_efedaf8b.displayName = "Bare";
return Bare_comp_ef1e84f7c66fb0ad858fab8b47e72d4b_efedaf8b;
})();

export const Form_form_2a3125b2fd1cdafc41a59303cf979c26_efedaf8b = /*#__PURE__*/ (() => {
const Form_form_2a3125b2fd1cdafc41a59303cf979c26_efedaf8b = memo(({children, ...rest}) => {
    
    const handleSubmit_1e37324de1026479e05a699148fc22ca = useCallback((ev) => {
        const $form = ev.target
        ev.preventDefault()
        const form_data = getFormData($form, ({ ["name"] : getRefValue(refs["ref_name"]), ["dob"] : getRefValue(refs["ref_dob"]), ["find_province"] : getRefValue(refs["ref_find_province"]) }));

        (((...args) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state.find_code", ({ ["form"] : form_data }), ({  })))], args, ({  }))))(ev));

        if (false) {
            $form.reset()
        }
    })
    
    return(
        jsx("form",{...mergeSlotProps(rest, ({ className:"form", onSubmit:handleSubmit_1e37324de1026479e05a699148fc22ca }))},children)
    )
});
Form_form_2a3125b2fd1cdafc41a59303cf979c26_efedaf8b.displayName = "Form";
return Form_form_2a3125b2fd1cdafc41a59303cf979c26_efedaf8b;
})();

export const Bare_comp_96707582ec664706f49ff80ba70fc59d_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_96707582ec664706f49ff80ba70fc59d_efedaf8b = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.find_error_rx_state_
    )
});
Bare_comp_96707582ec664706f49ff80ba70fc59d_efedaf8b.displayName = "Bare";
return Bare_comp_96707582ec664706f49ff80ba70fc59d_efedaf8b;
})();

export const Cond_comp_3441bce0697b7bae2453756636aaea65_efedaf8b = /*#__PURE__*/ (() => {
const Cond_comp_3441bce0697b7bae2453756636aaea65_efedaf8b = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        (!((reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.find_error_rx_state_?.valueOf?.() === ""?.valueOf?.()))?(children?.at?.(0)):(children?.at?.(1)))
    )
});
Cond_comp_3441bce0697b7bae2453756636aaea65_efedaf8b.displayName = "Cond";
return Cond_comp_3441bce0697b7bae2453756636aaea65_efedaf8b;
})();

export const Foreach_comp_8ce1fed9b579e83099514ee7976ef0c8_efedaf8b = /*#__PURE__*/ (() => {
const Foreach_comp_8ce1fed9b579e83099514ee7976ef0c8_efedaf8b = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
const __t = useT();
    return(
        Array.prototype.map.call(reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.matches_rx_state_ ?? [],((m_rx_state_,index_14b8de0be3661078d9fe4a834e8fb64e)=>(jsx("li",{className:"item",key:index_14b8de0be3661078d9fe4a834e8fb64e},jsx("strong",{className:"card-number"},m_rx_state_?.["code"]),jsx("p",{},m_rx_state_?.["full_name"]),jsx("p",{className:"muted small"},__t("Registered phone {phone}", {"phone": m_rx_state_?.["phone"]}))))))
    )
});
Foreach_comp_8ce1fed9b579e83099514ee7976ef0c8_efedaf8b.displayName = "Foreach";
return Foreach_comp_8ce1fed9b579e83099514ee7976ef0c8_efedaf8b;
})();

export const Bare_comp_6f3a56de44bea67fe5acc34ab7f93932_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_6f3a56de44bea67fe5acc34ab7f93932_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Name contains")
    )
});
Bare_comp_6f3a56de44bea67fe5acc34ab7f93932_efedaf8b.displayName = "Bare";
return Bare_comp_6f3a56de44bea67fe5acc34ab7f93932_efedaf8b;
})();

export const Input_input_f53c1662d4d3e8debf97ce7efb2bacda_efedaf8b = /*#__PURE__*/ (() => {
const Input_input_f53c1662d4d3e8debf97ce7efb2bacda_efedaf8b = memo(({children, ...rest}) => {
    const ref_q = useRef(null); refs["ref_q"] = ref_q;
const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
const __t = useT();
    return(
        jsx("input",{...mergeSlotProps(rest, ({ className:"input", defaultValue:reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.query_rx_state_, id:"q", name:"q", placeholder:__t("e.g. ha noi"), ref:ref_q, type:"search" }))},)
    )
});
Input_input_f53c1662d4d3e8debf97ce7efb2bacda_efedaf8b.displayName = "Input";
return Input_input_f53c1662d4d3e8debf97ce7efb2bacda_efedaf8b;
})();

export const Select_select_c065159287db232e0c9a846937c63b2e_efedaf8b = /*#__PURE__*/ (() => {
const Select_select_c065159287db232e0c9a846937c63b2e_efedaf8b = memo(({children, ...rest}) => {
    const ref_province = useRef(null); refs["ref_province"] = ref_province;
const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        jsx("select",{...mergeSlotProps(rest, ({ className:"input", defaultValue:reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.province_rx_state_, id:"province", name:"province", ref:ref_province }))},children)
    )
});
Select_select_c065159287db232e0c9a846937c63b2e_efedaf8b.displayName = "Select";
return Select_select_c065159287db232e0c9a846937c63b2e_efedaf8b;
})();

export const Bare_comp_38d84e6af36ff1af0c6c1fdc5b9a9319_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_38d84e6af36ff1af0c6c1fdc5b9a9319_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Search")
    )
});
Bare_comp_38d84e6af36ff1af0c6c1fdc5b9a9319_efedaf8b.displayName = "Bare";
return Bare_comp_38d84e6af36ff1af0c6c1fdc5b9a9319_efedaf8b;
})();

export const Form_form_68ca767eaf1d7383f3b64866a5114177_efedaf8b = /*#__PURE__*/ (() => {
const Form_form_68ca767eaf1d7383f3b64866a5114177_efedaf8b = memo(({children, ...rest}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")

    const handleSubmit_c5d6b1d1af12bb4dc06f1eab50658091 = useCallback((ev) => {
        const $form = ev.target
        ev.preventDefault()
        const form_data = getFormData($form, ({ ["q"] : getRefValue(refs["ref_q"]), ["province"] : getRefValue(refs["ref_province"]) }));

        (((...args) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state.search", ({ ["form"] : form_data }), ({  })))], args, ({  }))))(ev));

        if (false) {
            $form.reset()
        }
    })
    
    return(
        jsx("form",{...mergeSlotProps(rest, ({ className:"form", key:reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.kind_rx_state_, onSubmit:handleSubmit_c5d6b1d1af12bb4dc06f1eab50658091 }))},children)
    )
});
Form_form_68ca767eaf1d7383f3b64866a5114177_efedaf8b.displayName = "Form";
return Form_form_68ca767eaf1d7383f3b64866a5114177_efedaf8b;
})();

export const Bare_comp_f2b17f45d7daadf442beaa38e305783f_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_f2b17f45d7daadf442beaa38e305783f_efedaf8b = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.error_rx_state_
    )
});
Bare_comp_f2b17f45d7daadf442beaa38e305783f_efedaf8b.displayName = "Bare";
return Bare_comp_f2b17f45d7daadf442beaa38e305783f_efedaf8b;
})();

export const Cond_comp_f6f4b68aec5b9ab62701a5882f0f6b7c_efedaf8b = /*#__PURE__*/ (() => {
const Cond_comp_f6f4b68aec5b9ab62701a5882f0f6b7c_efedaf8b = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        (!((reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.error_rx_state_?.valueOf?.() === ""?.valueOf?.()))?(children?.at?.(0)):(children?.at?.(1)))
    )
});
Cond_comp_f6f4b68aec5b9ab62701a5882f0f6b7c_efedaf8b.displayName = "Cond";
return Cond_comp_f6f4b68aec5b9ab62701a5882f0f6b7c_efedaf8b;
})();

export const Bare_comp_ee6901300d97cba3a1b5923dcf179656_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_ee6901300d97cba3a1b5923dcf179656_efedaf8b = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.note_rx_state_
    )
});
Bare_comp_ee6901300d97cba3a1b5923dcf179656_efedaf8b.displayName = "Bare";
return Bare_comp_ee6901300d97cba3a1b5923dcf179656_efedaf8b;
})();

export const Cond_comp_75bb5279953c7c30be2b6eea46054072_efedaf8b = /*#__PURE__*/ (() => {
const Cond_comp_75bb5279953c7c30be2b6eea46054072_efedaf8b = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        (!((reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.note_rx_state_?.valueOf?.() === ""?.valueOf?.()))?(children?.at?.(0)):(children?.at?.(1)))
    )
});
Cond_comp_75bb5279953c7c30be2b6eea46054072_efedaf8b.displayName = "Cond";
return Cond_comp_75bb5279953c7c30be2b6eea46054072_efedaf8b;
})();

export const Bare_comp_81887286387992b76edc7646a7418037_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_81887286387992b76edc7646a7418037_efedaf8b = memo(({children}) => {
    const __t = useT();
const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        __t("{n} results", {"n": reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.total_rx_state_})
    )
});
Bare_comp_81887286387992b76edc7646a7418037_efedaf8b.displayName = "Bare";
return Bare_comp_81887286387992b76edc7646a7418037_efedaf8b;
})();

export const Foreach_comp_4e1d72ea31d2932b5e63cd8ac476edd6_efedaf8b = /*#__PURE__*/ (() => {
const Foreach_comp_4e1d72ea31d2932b5e63cd8ac476edd6_efedaf8b = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        Array.prototype.map.call(reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.items_rx_state_ ?? [],((i_rx_state_,index_86f6153a962ee55fa85336074c7a3b30)=>(jsx("li",{className:"item",key:index_86f6153a962ee55fa85336074c7a3b30},jsx("strong",{},i_rx_state_?.["name"]),jsx("p",{className:"small"},i_rx_state_?.["detail"]),jsx("p",{className:"muted small"},i_rx_state_?.["address"]),jsx(Fragment,{},(!((i_rx_state_?.["phone"]?.valueOf?.() === ""?.valueOf?.()))?(jsx(Fragment,{},jsx(ReactRouterLink,{className:"small",to:("tel:"+i_rx_state_?.["phone"])},i_rx_state_?.["phone"]))):(jsx(Fragment,{},))))))))
    )
});
Foreach_comp_4e1d72ea31d2932b5e63cd8ac476edd6_efedaf8b.displayName = "Foreach";
return Foreach_comp_4e1d72ea31d2932b5e63cd8ac476edd6_efedaf8b;
})();

export const Bare_comp_f3b0a05d0d7d5bb4d80de4efe84ec8ca_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_f3b0a05d0d7d5bb4d80de4efe84ec8ca_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Previous")
    )
});
Bare_comp_f3b0a05d0d7d5bb4d80de4efe84ec8ca_efedaf8b.displayName = "Bare";
return Bare_comp_f3b0a05d0d7d5bb4d80de4efe84ec8ca_efedaf8b;
})();

export const Button_button_e004cb78e59be190b19a0d4d50d7fdc2_efedaf8b = /*#__PURE__*/ (() => {
const Button_button_e004cb78e59be190b19a0d4d50d7fdc2_efedaf8b = memo(({children, ...rest}) => {
    const on_click_3911cd885157d659463de0a659a45cac = useCallback(((_e) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state.goto", ({ ["delta"] : -1 }), ({  })))], [_e], ({  })))), [addEvents, ReflexEvent])
const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        jsx("button",{...mergeSlotProps(rest, ({ className:"btn", disabled:(reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.page_rx_state_ <= 1), onClick:on_click_3911cd885157d659463de0a659a45cac, type:"button" }))},children)
    )
});
Button_button_e004cb78e59be190b19a0d4d50d7fdc2_efedaf8b.displayName = "Button";
return Button_button_e004cb78e59be190b19a0d4d50d7fdc2_efedaf8b;
})();

export const Bare_comp_954c982195a4dec992d1221ce0e32bca_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_954c982195a4dec992d1221ce0e32bca_efedaf8b = memo(({children}) => {
    const __t = useT();
const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        __t("Page {page} of {pages}", {"page": reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.page_rx_state_, "pages": reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.pages_rx_state_})
    )
});
Bare_comp_954c982195a4dec992d1221ce0e32bca_efedaf8b.displayName = "Bare";
return Bare_comp_954c982195a4dec992d1221ce0e32bca_efedaf8b;
})();

export const Bare_comp_4c0f4d7c5f0daa00db09d354cfd8114c_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_4c0f4d7c5f0daa00db09d354cfd8114c_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Next")
    )
});
Bare_comp_4c0f4d7c5f0daa00db09d354cfd8114c_efedaf8b.displayName = "Bare";
return Bare_comp_4c0f4d7c5f0daa00db09d354cfd8114c_efedaf8b;
})();

export const Button_button_2753be4fbcb1c1452f19e67d0c7bf654_efedaf8b = /*#__PURE__*/ (() => {
const Button_button_2753be4fbcb1c1452f19e67d0c7bf654_efedaf8b = memo(({children, ...rest}) => {
    const on_click_752e697ee5736aac176fc7cb282bb534 = useCallback(((_e) => (addEvents([(ReflexEvent("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state.goto", ({ ["delta"] : 1 }), ({  })))], [_e], ({  })))), [addEvents, ReflexEvent])
const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        jsx("button",{...mergeSlotProps(rest, ({ className:"btn", disabled:(reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.page_rx_state_ >= reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.pages_rx_state_), onClick:on_click_752e697ee5736aac176fc7cb282bb534, type:"button" }))},children)
    )
});
Button_button_2753be4fbcb1c1452f19e67d0c7bf654_efedaf8b.displayName = "Button";
return Button_button_2753be4fbcb1c1452f19e67d0c7bf654_efedaf8b;
})();

export const Nav_nav_03042de3b0e2b129d03dc88a68abf0f5_efedaf8b = /*#__PURE__*/ (() => {
const Nav_nav_03042de3b0e2b129d03dc88a68abf0f5_efedaf8b = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx("nav",{...mergeSlotProps(rest, ({ "aria-label":__t("Pages"), className:"pager" }))},children)
    )
});
Nav_nav_03042de3b0e2b129d03dc88a68abf0f5_efedaf8b.displayName = "Nav";
return Nav_nav_03042de3b0e2b129d03dc88a68abf0f5_efedaf8b;
})();

export const Cond_comp_f320feb54d6ac528c294bbae3d4976b4_efedaf8b = /*#__PURE__*/ (() => {
const Cond_comp_f320feb54d6ac528c294bbae3d4976b4_efedaf8b = memo(({children}) => {
    const reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state = useStateContext("reflex___state____state.pwa___state___session____session_state.pwa___state___lookup____lookup_state")
    return(
        ((reflex___state____state__pwa___state___session____session_state__pwa___state___lookup____lookup_state.kind_rx_state_?.valueOf?.() === "code"?.valueOf?.())?(children?.at?.(0)):(children?.at?.(1)))
    )
});
Cond_comp_f320feb54d6ac528c294bbae3d4976b4_efedaf8b.displayName = "Cond";
return Cond_comp_f320feb54d6ac528c294bbae3d4976b4_efedaf8b;
})();

export const Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Home")
    )
});
Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_efedaf8b.displayName = "Bare";
return Bare_comp_5e8fbebe731863496adf6cb6bc65c76a_efedaf8b;
})();

export const Bare_comp_c81839c1da5da9830202f435139fd3a2_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_c81839c1da5da9830202f435139fd3a2_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Card")
    )
});
Bare_comp_c81839c1da5da9830202f435139fd3a2_efedaf8b.displayName = "Bare";
return Bare_comp_c81839c1da5da9830202f435139fd3a2_efedaf8b;
})();

export const Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("History")
    )
});
Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_efedaf8b.displayName = "Bare";
return Bare_comp_e77cf6ff66e2fdb4f02b9a0c5c1c3dfd_efedaf8b;
})();

export const Bare_comp_2ac9660884b2210868fcbd9599287c23_efedaf8b = /*#__PURE__*/ (() => {
const Bare_comp_2ac9660884b2210868fcbd9599287c23_efedaf8b = memo(({children}) => {
    const __t = useT();
    return(
        __t("Profile")
    )
});
Bare_comp_2ac9660884b2210868fcbd9599287c23_efedaf8b.displayName = "Bare";
return Bare_comp_2ac9660884b2210868fcbd9599287c23_efedaf8b;
})();

export const Nav_nav_786403967867f586857bf3561239637b_efedaf8b = /*#__PURE__*/ (() => {
const Nav_nav_786403967867f586857bf3561239637b_efedaf8b = memo(({children, ...rest}) => {
    const __t = useT();
    return(
        jsx("nav",{...mergeSlotProps(rest, ({ "aria-label":__t("Main"), className:"bottomnav" }))},children)
    )
});
Nav_nav_786403967867f586857bf3561239637b_efedaf8b.displayName = "Nav";
return Nav_nav_786403967867f586857bf3561239637b_efedaf8b;
})();
